using EdgeAgent.Modbus.Planning;

namespace EdgeAgent.Modbus.Tests.Planning;

/// <summary>
/// The planner's minimality and contract, checked against <see cref="PlanOracle"/>'s exhaustive search on thousands of
/// random small instances (seeded, so a failure names the instance that reproduces it).
/// </summary>
public class ModbusPlannerOptimalityTests
{
    private const int Instances = 5000;

    [Fact]
    public void PlanUsesTheFewestRequestsAnyValidPlanCan()
    {
        for (var seed = 0; seed < Instances; seed++)
        {
            var instance = PlanInstance.Random(seed);
            var plan = new ModbusPlanner(instance.Options).Plan(instance.Items, instance.State());
            var optimum = PlanOracle.OptimalCount(instance.Items, instance.Options, instance.BadRanges);
            Assert.True(plan.Requests.Count == optimum, $"seed {seed}: {plan.Requests.Count} requests, optimum {optimum}; {instance}");
        }
    }

    [Fact]
    public void PlanCoversEveryItemOnceWithinTheLimits()
    {
        for (var seed = 0; seed < Instances; seed++)
        {
            var instance = PlanInstance.Random(seed);
            var plan = new ModbusPlanner(instance.Options).Plan(instance.Items, instance.State());
            var violation = PlanOracle.Violation(plan, instance.Items, instance.Options, instance.BadRanges);
            Assert.True(violation is null, $"seed {seed}: {violation}; {instance}");
        }
    }

    [Fact]
    public void MinimumRequestCountIsTheExhaustiveOptimumWithoutBadRanges()
    {
        for (var seed = 0; seed < 1000; seed++)
        {
            var instance = PlanInstance.Random(seed);
            var minimum = new ModbusPlanner(instance.Options).MinimumRequestCount(instance.Items);
            Assert.Equal(PlanOracle.OptimalCount(instance.Items, instance.Options, []), minimum);
        }
    }
}
