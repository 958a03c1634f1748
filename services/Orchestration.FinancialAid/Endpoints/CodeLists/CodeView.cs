using Orchestration.FinancialAid.Domain;

namespace Orchestration.FinancialAid.Endpoints.CodeLists;

public sealed record CodeView(string Code, string Label, bool Active, int SortOrder)
{
    public static CodeView From(ListCode c) => new(c.Code, c.Label, c.Active, c.SortOrder);
}
