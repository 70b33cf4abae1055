namespace Bangfu.Reporting.MonthlyDispatch;

/// <summary>
/// The machine-readable keys of the dispatch figures, shared by every JSON output (the CLI's <c>report monthly --json</c>,
/// the API) and the expected files of the test cases: persons, households, labour_force, employed,
/// employed_outside_province, employed_in_province_outside_county, employed_in_county, workshop_workers,
/// public_welfare_jobs, able_not_employed.
/// </summary>
public static class DispatchFigureKeys
{
    /// <summary>The keys in their order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "persons", "households", "labour_force", "employed", "employed_outside_province", "employed_in_province_outside_county",
        "employed_in_county", "workshop_workers", "public_welfare_jobs", "able_not_employed",
    ];

    /// <summary>The figures under their keys, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<KeyValuePair<string, int>> Of(DispatchFigures f) =>
    [
        new("persons", f.Persons),
        new("households", f.Households),
        new("labour_force", f.LabourForce),
        new("employed", f.Employed),
        new("employed_outside_province", f.EmployedOutsideProvince),
        new("employed_in_province_outside_county", f.EmployedInProvinceOutsideCounty),
        new("employed_in_county", f.EmployedInCounty),
        new("workshop_workers", f.WorkshopWorkers),
        new("public_welfare_jobs", f.PublicWelfareJobs),
        new("able_not_employed", f.AbleNotEmployed),
    ];
}
