using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Energy;

namespace EdgeAgent.Core.Tests.EnergyTests;

public class EnergyConverterTests
{
    [Fact]
    public void DefaultsAreTheGbT2589Coefficients()
    {
        var converter = new EnergyConverter();
        Assert.Equal(0.1229, converter.Coefficient(EnergyCarrier.Electricity).KgcePerUnit);
        Assert.Equal(1.2143, converter.Coefficient(EnergyCarrier.NaturalGas).KgcePerUnit);
        Assert.Equal(128.6, converter.Coefficient(EnergyCarrier.Steam).KgcePerUnit);
        Assert.False(converter.Coefficient(EnergyCarrier.Water).IncludeInTotal);
        Assert.Contains("GB/T 2589-2020", converter.Coefficient(EnergyCarrier.Electricity).Source, StringComparison.Ordinal);
        // The electricity equivalent value is the heat of 1 kWh (860 kcal) in standard coal (7 000 kcal/kgce), to 4 places.
        Assert.Equal(0.1229, Math.Round(860.0 / 7000, 4));
    }

    [Fact]
    public void ConvertsEachCarrierToStandardCoal()
    {
        // 1 000 kWh × 0.1229 + 100 m³ × 1.2143 + 2 t × 128.6 + (50 m³ water, not in the total)
        // = 122.9 + 121.43 + 257.2 = 501.53 kgce
        var kgce = new EnergyConverter().ToKgce(new EnergyQuantities(1000, 100, 2, 50));
        Assert.Equal(501.53, kgce, 9);
    }

    [Fact]
    public void ConvertsToCo2WithTheEmissionFactors()
    {
        // 1 000 kWh × 0.5366 + 100 m³ × 2.1622 = 536.6 + 216.22 = 752.82 kg; steam and water have no default factor.
        Assert.Equal(752.82, new EnergyConverter().ToKgCo2(new EnergyQuantities(1000, 100, 2, 50)), 9);
    }

    [Fact]
    public void ConfiguredValuesReplaceTheDefaultsCarrierByCarrier()
    {
        var converter = new EnergyConverter(new EnergyConfig
        {
            Coefficients = [new() { Carrier = EnergyCarrier.NaturalGas, KgcePerUnit = 1.33, Source = "supplier: 38 931 kJ/m³" }],
            EmissionFactors = [new() { Carrier = EnergyCarrier.Electricity, KgCo2PerUnit = 0.6776, Source = "2022 华北 regional factor" }],
        });
        Assert.Equal(1.33, converter.Coefficient(EnergyCarrier.NaturalGas).KgcePerUnit);
        Assert.Equal(0.1229, converter.Coefficient(EnergyCarrier.Electricity).KgcePerUnit);
        Assert.Equal(677.6, converter.ToKgCo2(new EnergyQuantities(1000, 0, 0, 0)), 9);
    }

    [Fact]
    public void QuantitiesAddCarrierByCarrier()
    {
        var sum = new EnergyQuantities(1, 2, 3, 4) + new EnergyQuantities(10, 20, 30, 40);
        Assert.Equal(new EnergyQuantities(11, 22, 33, 44), sum);
        Assert.Equal(33, sum.Of(EnergyCarrier.Steam));
    }
}
