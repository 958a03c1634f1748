using System.Security.Claims;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Jobbtorg.Consumers;

/// <summary>Who a consumer's change is audited as: the message, not a person ("message:CloseJobbtorgReferral").</summary>
internal static class MessageActor
{
    public static ClaimsPrincipal For(string messageName) => new(new ClaimsIdentity(
        [new Claim(OrchestrationClaims.Name, "message:" + messageName)], "Messaging", OrchestrationClaims.Name, OrchestrationClaims.Role));
}
