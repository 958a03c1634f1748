using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace Orchestration.Workflows.Expressions.Liquid;

/// <summary>
/// Replaces every range <c>(a..b)</c> of a parsed template by one that refuses to build more than a set number of
/// items: Fluid turns a range into an array before the loop's step limit applies, so <c>(1..10000000)</c> would
/// otherwise allocate ten million values first.
/// </summary>
internal sealed class BoundedRangeRewriter(int maxRangeSize) : AstRewriter
{
    protected override Expression VisitRangeExpression(RangeExpression rangeExpression) =>
        new BoundedRangeExpression(rangeExpression, maxRangeSize);

    private sealed class BoundedRangeExpression(RangeExpression range, int maxRangeSize) : Expression
    {
        public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
        {
            var from = (await range.From.EvaluateAsync(context)).ToNumberValue();
            var to = (await range.To.EvaluateAsync(context)).ToNumberValue();
            if (Math.Abs(to - from) + 1 > maxRangeSize)
            {
                throw new LiquidLimitException($"the range ({from}..{to}) has more than {maxRangeSize} items.");
            }

            return await range.EvaluateAsync(context);
        }
    }
}
