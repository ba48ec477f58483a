namespace KennisHub.Core.Reading;

/// <summary>Who may read a text. Stored by name ("Public", "Network", "Atelier").</summary>
public enum Visibility
{
    /// <summary>Openbaar: anyone, signed in or not.</summary>
    Public,

    /// <summary>Alleen netwerkleden: any approved member (role Netwerklid or higher).</summary>
    Network,

    /// <summary>Alleen atelier: atelier members and administrators.</summary>
    Atelier,
}
