namespace Bangfu.Registry.Regions;

// Placeholder until the resolver lands.
public sealed record PlaceResolution(Region? Region, string? ProvinceCode, string? CityCode, string? CountyCode, string? Message);

public sealed class PlaceResolver(RegionDirectory directory)
{
    public async Task<PlaceResolution> ResolveAsync(string? text, CancellationToken cancellationToken = default)
    {
        var parts = (text ?? "").Split(['省', '市', '区', '县'], StringSplitOptions.RemoveEmptyEntries);
        var index = await directory.IndexAsync(cancellationToken);
        var region = index.All.FirstOrDefault(r => r.Level == RegionLevel.County && text!.EndsWith(r.Name, StringComparison.Ordinal) && text.Contains(index.Find(r.Code[..2])!.Name[..2]));
        return region is null
            ? new PlaceResolution(null, null, null, null, "无法识别")
            : new PlaceResolution(region, region.Code[..2], region.Code[..4], region.Code, null);
    }
}
