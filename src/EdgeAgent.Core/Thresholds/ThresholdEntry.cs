using EdgeAgent.Core.Indicators;

namespace EdgeAgent.Core.Thresholds;

/// <summary>One threshold of one programme for one industry group and one indicator, with the document it comes from.</summary>
/// <param name="Programme">Stable programme id, e.g. <c>beijing-baseline</c>.</param>
/// <param name="ProgrammeName">Programme name.</param>
/// <param name="Document">The issuing document (authority, title, number).</param>
/// <param name="Table">The table, row or paragraph of the document.</param>
/// <param name="Level">Level within the programme (达标, 先进级, 试点, 样本 …).</param>
/// <param name="IndustryGroup">The industry group the row is for.</param>
/// <param name="IndustryText">The industries as the document writes them (e.g. "C33—35、C38、C41—42 相关").</param>
/// <param name="Indicator">Threshold key of the indicator (e.g. <c>key-process-cnc-rate</c>).</param>
/// <param name="Value">The threshold: a share (0.53 = 53 %), robots per worker, or an improvement share.</param>
/// <param name="Comparison">How the value is compared.</param>
/// <param name="Note">What else the document says about it.</param>
public sealed record ThresholdEntry(
    string Programme,
    LocalizedText ProgrammeName,
    string Document,
    string Table,
    string Level,
    LocalizedText IndustryGroup,
    string IndustryText,
    string Indicator,
    double Value,
    ThresholdComparison Comparison,
    string? Note)
{
    /// <summary>
    /// Whether <paramref name="value"/> meets the threshold; null when there is no value or the threshold is an
    /// improvement against a baseline, which one window cannot decide.
    /// </summary>
    public bool? IsMetBy(double? value)
    {
        if (value is not { } v || double.IsNaN(v))
        {
            return null;
        }

        // Values are computed in floating point while thresholds are transcribed decimals; 53 % reached as
        // 0.52999999999 must count as met.
        const double Tolerance = 1e-9;
        return Comparison switch
        {
            ThresholdComparison.AtLeast => v >= Value - Tolerance,
            ThresholdComparison.AtMost => v <= Value + Tolerance,
            _ => null,
        };
    }
}
