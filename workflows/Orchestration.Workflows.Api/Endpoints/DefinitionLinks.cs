using System.Security.Claims;
using System.Text.Json.Nodes;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Workflows.Api.Endpoints;

/// <summary>
/// Elsa's HATEOAS links. Studio opens a definition for editing only when it carries a "publish" link and the list
/// allows creating only with "bulk-publish" (ELSA-API.md §2.1), so links go to process owners and admins only.
/// </summary>
internal static class DefinitionLinks
{
    public static bool CanDesign(ClaimsPrincipal user) => user.IsInRole(Roles.ProcessOwner) || user.IsInRole(Roles.Admin);

    public static JsonArray ForDefinition(string definitionId, ClaimsPrincipal user)
    {
        var links = new JsonArray { Link($"/workflow-definitions/by-definition-id/{definitionId}", "self", "GET") };
        if (!CanDesign(user))
        {
            return links;
        }

        foreach (var (rel, method, suffix) in new[]
                 {
                     ("versions", "GET", "/versions"), ("execute", "POST", "/execute"), ("dispatch", "POST", "/dispatch"), ("export", "GET", "/export"),
                     ("publish", "POST", "/publish"), ("retract", "POST", "/retract"), ("delete", "DELETE", ""),
                 })
        {
            links.Add(Link($"/workflow-definitions/{definitionId}{suffix}", rel, method));
        }

        links.Add(Link("/workflow-definitions/import", "import", "POST"));
        return links;
    }

    public static JsonArray ForList(ClaimsPrincipal user)
    {
        var links = new JsonArray
        {
            Link("/workflow-definitions", "self", "GET"),
            Link("/workflow-definitions/query/count", "count", "GET"),
            Link("/workflow-definitions/many-by-id", "many-by-id", "GET"),
        };
        if (CanDesign(user))
        {
            links.Add(Link("/workflow-definitions/validation/is-name-unique", "is-name-unique", "GET"));
            links.Add(Link("/bulk-actions/publish/workflow-definitions/by-definition-ids", "bulk-publish", "POST"));
            links.Add(Link("/bulk-actions/retract/workflow-definitions/by-definition-ids", "bulk-retract", "POST"));
            links.Add(Link("/bulk-actions/delete/workflow-definitions/by-definition-id", "bulk-delete-by-definition-id", "POST"));
            links.Add(Link("/bulk-actions/delete/workflow-definitions/by-id", "bulk-delete-by-id", "POST"));
            links.Add(Link("/workflow-definitions/import-files", "import-files", "POST"));
            links.Add(Link("/workflow-definitions/import", "import", "POST"));
            links.Add(Link("/workflow-definitions", "create", "POST"));
        }

        return links;
    }

    private static JsonObject Link(string href, string rel, string method) => new() { ["href"] = href, ["rel"] = rel, ["method"] = method };
}
