namespace KennisHub.Core.Identity;

/// <summary>Remembers the last accepted authenticator time step so that each code works once.</summary>
public interface IAuthenticatorTimeStepStore
{
    /// <summary>
    /// Records <paramref name="timeStep"/> as used when it is later than the last one used, atomically.
    /// Returns false when this step (or a later one) was already used: the code is a replay.
    /// </summary>
    Task<bool> TryUseAuthenticatorTimeStepAsync(KennisHubUser user, long timeStep, CancellationToken cancellationToken);
}
