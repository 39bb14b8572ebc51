namespace EdgeAgent.Core.Indicators;

/// <summary>The rule an indicator applied: a sentence for people and its parameters for machines.</summary>
/// <param name="Text">The formula and rule in plain words.</param>
/// <param name="Parameters">The parameters in force (thresholds, coefficients, excluded equipment …), by name.</param>
public sealed record IndicatorRule(string Text, IReadOnlyDictionary<string, object> Parameters);
