using Microsoft.Extensions.Options;

namespace Orchestration.FinancialAid.Options;

/// <summary>Stops the host at start (and refuses a reloaded file) with the setting at fault named.</summary>
internal sealed class FinancialAidOptionsValidator : IValidateOptions<FinancialAidOptions>
{
    public ValidateOptionsResult Validate(string? name, FinancialAidOptions options) =>
        options.Validate() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
