using System.Text.Json.Nodes;
using Orchestration.Workflows.Activities;
using Orchestration.Workflows.Expressions;
using Orchestration.Workflows.Serialization;
using Orchestration.Workflows.Validation;

namespace Orchestration.Workflows.Tests.Validation;

public sealed class WorkflowValidatorTests
{
    private readonly WorkflowValidator _validator = new(ActivityRegistry.CreateDefault(), ExpressionEvaluators.CreateDefault());

    [Theory]
    [InlineData("decision")]
    [InlineData("switch-match-any")]
    [InlineData("join-after-decision")]
    [InlineData("join-in-loop")]
    [InlineData("event-suspend-resume")]
    [InlineData("while-break")]
    [InlineData("liquid-text")]
    public void The_conformance_workflows_are_valid(string name)
    {
        _validator.Validate(WorkflowHarness.Load(name)).Should().BeEmpty();
    }

    [Fact]
    public void A_connection_to_nowhere_names_its_source()
    {
        var json = WorkflowHarness.LoadJson("decision");
        Connections(json).Add(Connection("Big", "Done", "Ghost"));

        _validator.Validate(WorkflowDefinitionReader.Load(json)).Should().ContainSingle()
            .Which.Should().Be(new ValidationError("Big", "A connection leads to 'Ghost', which is not an activity of this flowchart."));
    }

    [Fact]
    public void A_connection_from_a_port_the_activity_lacks_is_an_error()
    {
        var json = WorkflowHarness.LoadJson("decision");
        Connections(json).Add(Connection("Decision1", "Maybe", "Big"));

        _validator.Validate(WorkflowDefinitionReader.Load(json)).Should().ContainSingle()
            .Which.Message.Should().Contain("port 'Maybe'").And.Contain("True, False");
    }

    [Fact]
    public void Switch_case_labels_and_fork_branches_are_ports()
    {
        _validator.Validate(WorkflowHarness.Load("switch-match-first")).Should().BeEmpty();
        _validator.Validate(WorkflowHarness.Load("join-in-loop")).Should().BeEmpty();
    }

    [Fact]
    public void Unknown_types_broken_scripts_and_missing_required_inputs_are_each_reported()
    {
        var json = WorkflowHarness.LoadJson("event-suspend-resume");
        var activities = json["root"]!["activities"]!.AsArray();
        activities.Single(a => a!["id"]!.ToString() == "Before")!["type"] = "Acme.Teleport";
        activities.Single(a => a!["id"]!.ToString() == "After")!["text"]!["expression"]!["value"] = "'after ' + (";
        activities.Single(a => a!["id"]!.ToString() == "Event1")!["eventName"]!["expression"]!["value"] = " ";

        var errors = _validator.Validate(WorkflowDefinitionReader.Load(json));

        errors.Select(e => e.ActivityId).Should().BeEquivalentTo(["Before", "After", "Event1"]);
        errors.Single(e => e.ActivityId == "Before").Message.Should().Be("Unknown activity type 'Acme.Teleport'.");
        errors.Single(e => e.ActivityId == "After").Message.Should().StartWith("The JavaScript expression of 'Text' does not parse:");
        errors.Single(e => e.ActivityId == "Event1").Message.Should().Be("The input 'EventName' is required.");
    }

    [Fact]
    public void A_script_in_RunJavaScript_is_checked()
    {
        var json = WorkflowHarness.LoadJson("retry-after-fault");
        json["root"]!["activities"]![1]!["script"]!["expression"]!["value"] = "if (";

        _validator.Validate(WorkflowDefinitionReader.Load(json)).Should().ContainSingle()
            .Which.Should().Match<ValidationError>(e => e.ActivityId == "Attempt1" && e.Message.StartsWith("The script does not parse:"));
    }

    [Fact]
    public void An_empty_flowchart_has_no_start()
    {
        var definition = WorkflowDefinitionReader.Read(
            """{"definitionId":"empty","root":{"id":"Flowchart1","type":"Elsa.Flowchart","activities":[]}}""");

        _validator.Validate(definition).Should().ContainSingle().Which.Message.Should().Contain("no start");
    }

    private static JsonArray Connections(JsonObject json) => json["root"]!["connections"]!.AsArray();

    private static JsonObject Connection(string source, string port, string target) => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
    };
}
