namespace Orchestration.ServiceDefaults.Security;

/// <summary>Authorization policy names. Every endpoint names one; anything without a policy is denied.</summary>
public static class Policies
{
    /// <summary>Any signed-in user or API key, whatever the role.</summary>
    public const string Authenticated = "Authenticated";

    /// <summary>Changes and publishes workflow definitions (ProcessOwner, Admin).</summary>
    public const string DesignWorkflows = "DesignWorkflows";

    /// <summary>Accounts and API keys (Admin).</summary>
    public const string Administer = "Administer";

    /// <summary>Financial aid caseworkers (SocialSecretary).</summary>
    public const string FinancialAidCaseworker = "FinancialAidCaseworker";

    /// <summary>
    /// Case data both administrations read (SocialSecretary, JobbtorgCoach), each endpoint adding its own rule: the
    /// financial-aid health and social parts reach Jobbtorg coaches only while a consent to share is valid; a
    /// Jobbtorg re-referral's reason reaches social secretaries of the person's district only.
    /// </summary>
    public const string SharedCaseReader = "SharedCaseReader";

    /// <summary>Assigns the social secretary responsible for a financial-aid case (SocialSecretary, Coordinator), each of their own district.</summary>
    public const string CaseResponsibilityAssigner = "CaseResponsibilityAssigner";

    /// <summary>Jobbtorg caseworkers (JobbtorgCoach).</summary>
    public const string JobbtorgCaseworker = "JobbtorgCaseworker";

    /// <summary>District intervention staff (WorkConsultant, SocialSecretary).</summary>
    public const string InterventionStaff = "InterventionStaff";

    /// <summary>Maintains the district-intervention catalogue (WorkConsultant, SocialSecretary, Admin).</summary>
    public const string InterventionCatalogueMaintainer = "InterventionCatalogueMaintainer";

    /// <summary>Follow-up oversight (Coordinator, SocialSecretary): one deadline of the caller's district.</summary>
    public const string FollowUpOversight = "FollowUpOversight";

    /// <summary>The responsible social secretary's follow-ups: their inbox, moving a date (SocialSecretary).</summary>
    public const string FollowUpResponsible = "FollowUpResponsible";

    /// <summary>A district's follow-ups and escalations (Coordinator).</summary>
    public const string FollowUpCoordinator = "FollowUpCoordinator";

    /// <summary>The statistics (Coordinator: their own district; Admin: every district).</summary>
    public const string ReadStatistics = "ReadStatistics";

    /// <summary>One referral's whole path across the services (SocialSecretary, Coordinator: their own district's; Admin: any).</summary>
    public const string ReadCaseTimeline = "ReadCaseTimeline";
}
