using Microsoft.AspNetCore.Identity;

namespace KennisHub.Core.Identity;

/// <summary>Identity's error texts plus KennisHub's own; the web project derives a Dutch, resource-backed one.</summary>
public class KennisHubIdentityErrorDescriber : IdentityErrorDescriber
{
    public const string PasswordTooCommonCode = "PasswordTooCommon";

    public virtual IdentityError PasswordTooCommon() => new()
    {
        Code = PasswordTooCommonCode,
        Description = "This password is too common and easy to guess.",
    };
}
