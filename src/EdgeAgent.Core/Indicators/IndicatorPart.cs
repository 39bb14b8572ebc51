namespace EdgeAgent.Core.Indicators;

/// <summary>
/// One subject's share of an indicator's numerator and denominator (an equipment, a key process, the headcount, the
/// entered output facts). An indicator's numerator and denominator are the sums of its parts.
/// </summary>
/// <param name="Subject">What the part is about: <c>equipment:ID</c>, <c>process:ID</c>, <c>headcount</c>, <c>output-facts</c>.</param>
/// <param name="Numerator">This subject's contribution to the numerator.</param>
/// <param name="Denominator">This subject's contribution to the denominator.</param>
public sealed record IndicatorPart(string Subject, double Numerator, double Denominator);
