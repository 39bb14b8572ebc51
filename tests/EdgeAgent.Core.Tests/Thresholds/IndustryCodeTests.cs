using EdgeAgent.Core.Thresholds;

namespace EdgeAgent.Core.Tests.ThresholdTests;

public class IndustryCodeTests
{
    [Theory]
    [InlineData("3411", 'C', "C34")]
    [InlineData("C34", 'C', "C34")]
    [InlineData("44", 'D', "D44")]
    [InlineData("0111", 'A', "A01")]
    public void TheSectionOfABareNumberComesFromItsDivision(string text, char section, string division)
    {
        var code = IndustryCode.Parse(text);
        Assert.Equal(section, code.Section);
        Assert.Equal(division, code.Division);
    }

    [Theory]
    [InlineData("A34", "belongs to section C")]
    [InlineData("C3", "2 to 4 digits")]
    [InlineData("99", "does not exist")]
    [InlineData("X12", "not one of A..T")]
    public void InconsistentCodesAreRejectedWithAReason(string text, string reason)
    {
        Assert.Null(IndustryCode.TryParse(text, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
