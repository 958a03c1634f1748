using Microsoft.Extensions.Options;

namespace Orchestration.FollowUps.Options;

/// <summary>Stops the host at start with the setting at fault named.</summary>
internal sealed class FollowUpsOptionsValidator : IValidateOptions<FollowUpsOptions>, IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, FollowUpsOptions options) => Result(options.Validate());

    public ValidateOptionsResult Validate(string? name, MailOptions options) => Result(options.Validate());

    private static ValidateOptionsResult Result(string? problem) => problem is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problem);
}
