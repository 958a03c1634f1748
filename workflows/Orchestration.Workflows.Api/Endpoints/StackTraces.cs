using System.Text.Json.Nodes;

namespace Orchestration.Workflows.Api.Endpoints;

/// <summary>
/// Takes the stack traces out of the exceptions the API shows (incidents, activity executions): they name our
/// source paths and internals, and every role that may read an instance would see them. The type and message say
/// what failed; the trace stays in the stored state and the log for operators.
/// </summary>
internal static class StackTraces
{
    public static JsonNode? Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                obj.Remove("stackTrace");
                foreach (var (_, child) in obj)
                {
                    Strip(child);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Strip(item);
                }

                break;
        }

        return node;
    }
}
