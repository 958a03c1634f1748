using System.Security.Claims;

namespace Orchestration.ServiceDefaults.Security;

/// <summary>Who a consumer's change is audited as: the message, not a person ("message:CloseInterventionReferral").</summary>
public static class MessageActor
{
    public static ClaimsPrincipal For(string messageName) => new(new ClaimsIdentity(
        [new Claim(OrchestrationClaims.Name, "message:" + messageName)], "Messaging", OrchestrationClaims.Name, OrchestrationClaims.Role));
}
