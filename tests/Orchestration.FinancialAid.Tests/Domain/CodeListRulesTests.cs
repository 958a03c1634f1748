using FluentAssertions;
using Orchestration.FinancialAid.Domain;
using Orchestration.ServiceDefaults.Cases;

namespace Orchestration.FinancialAid.Tests.Domain;

public sealed class CodeListRulesTests
{
    [Theory]
    [InlineData("Debts", true)]
    [InlineData("Youth16To24", true)]
    [InlineData("16To24", false)]
    [InlineData("två ord", false)]
    [InlineData("", false)]
    public void When_a_code_is_checked_Then_only_a_letter_followed_by_letters_or_digits_passes(string code, bool valid)
    {
        var errors = new ValidationErrors();
        CodeListRules.CheckCode(errors, code);
        errors.Any.Should().Be(!valid);
    }

    [Fact]
    public void When_a_code_is_longer_than_sixty_characters_Then_it_is_refused()
    {
        var errors = new ValidationErrors();
        CodeListRules.CheckCode(errors, new string('A', 61));
        errors.Any.Should().BeTrue();
    }

    [Fact]
    public void When_a_label_is_missing_Then_adding_is_refused_but_renaming_keeps_the_current_one()
    {
        var adding = new ValidationErrors();
        var renaming = new ValidationErrors();
        var tooLong = new ValidationErrors();
        CodeListRules.CheckLabel(adding, null, required: true);
        CodeListRules.CheckLabel(renaming, null, required: false);
        CodeListRules.CheckLabel(tooLong, new string('å', 201), required: false);
        adding.Any.Should().BeTrue();
        renaming.Any.Should().BeFalse();
        tooLong.Any.Should().BeTrue();
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(3660, true)]
    [InlineData(3661, false)]
    public void When_the_aid_decision_cap_is_set_Then_it_lies_between_one_day_and_ten_years(int? days, bool valid)
    {
        var errors = new ValidationErrors();
        CodeListRules.CheckAidDecisionCap(errors, days);
        errors.Any.Should().Be(!valid);
    }

    [Fact]
    public void When_a_target_group_is_added_Then_it_must_be_new_to_both_target_group_lists()
    {
        CodeListRules.ExclusiveWith(CodeList.OtherTargetGroup).Should().BeEquivalentTo([CodeList.JobbtorgTargetGroup, CodeList.OtherTargetGroup]);
        CodeListRules.ExclusiveWith(CodeList.JobbtorgTargetGroup).Should().BeEquivalentTo([CodeList.JobbtorgTargetGroup, CodeList.OtherTargetGroup]);
        CodeListRules.ExclusiveWith(CodeList.FiaSocialArea).Should().Equal(CodeList.FiaSocialArea);
    }

    [Fact]
    public void When_the_active_lists_are_built_Then_retired_codes_are_left_out_and_the_owners_order_kept()
    {
        var codes = new[]
        {
            new ListCode { List = CodeList.OtherRoute, Code = "Lss", Label = "LSS", SortOrder = 20 },
            new ListCode { List = CodeList.OtherRoute, Code = "Ips", Label = "IPS", SortOrder = 10 },
            new ListCode { List = CodeList.OtherRoute, Code = "Other", Label = "Annat", SortOrder = 5, Active = false },
            new ListCode { List = CodeList.FiaSocialArea, Code = "Housing", Label = "Boende", SortOrder = 10 },
        };

        var lists = ActiveLists.From(codes, 90);

        lists.OtherRoutes.Should().Equal("Ips", "Lss");
        lists.FiaSocialAreas.Should().Equal("Housing");
        lists.JobbtorgTargetGroups.Should().BeEmpty();
        lists.AidDecisionMaxValidityDays.Should().Be(90);
    }

    [Fact]
    public void When_configured_codes_are_installed_Then_known_ones_get_their_swedish_label_and_others_their_code()
    {
        var installed = DefaultCodes.Install(CodeList.FiaSocialArea, ["Housing", "Debts"]);

        installed.Select(c => (c.Code, c.Label, c.SortOrder, c.Active)).Should().Equal(("Housing", "Boende", 10, true), ("Debts", "Debts", 20, true));
    }
}
