using Orchestration.Jobbtorg.Domain;

namespace Orchestration.Jobbtorg.Endpoints.CodeLists;

public sealed record CodeView(string Code, string Label, bool RequiresText, bool Active, int SortOrder)
{
    public static CodeView From(ListCode c) => new(c.Code, c.Label, c.RequiresText, c.Active, c.SortOrder);
}
