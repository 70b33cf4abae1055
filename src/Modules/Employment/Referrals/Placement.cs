using Bangfu.Platform.Scope;

namespace Bangfu.Employment.Referrals;

/// <summary>
/// A placement (就业安置): the person started work with an employer on a date, at a monthly wage (stored in fen), at a
/// workplace (region code). It sets the person's employment situation from the month of the start and brings follow-ups
/// at 1, 3 and 6 months. <see cref="EndedOn"/> is set when a follow-up finds the job lost.
/// </summary>
public sealed class Placement : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string CountyCode { get; init; } = "";
    public string RegionCode { get; init; } = "";
    public Guid PersonId { get; init; }
    public Guid? ReferralId { get; init; }

    /// <summary>The employer (emp_employer id), when registered.</summary>
    public Guid? EmployerId { get; init; }
    public string EmployerName { get; init; } = "";
    public DateOnly StartDate { get; init; }

    /// <summary>Monthly wage in fen (yuan × 100).</summary>
    public long MonthlyWageFen { get; init; }

    /// <summary>Where the work is (a region code of any level, usually a county or township).</summary>
    public string WorkplaceRegionCode { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public string? CreatedBy { get; init; }
    public DateOnly? EndedOn { get; private set; }

    public void End(DateOnly on)
    {
        if (EndedOn is null) EndedOn = on;
    }
}

/// <summary>
/// A follow-up (跟踪回访) of a placement, due 1, 3 or 6 months after the start: done on a date, still employed or not,
/// the wage then (fen). Follow-ups still open when the job is found lost are cancelled.
/// </summary>
public sealed class FollowUp : IRegionScoped
{
    /// <summary>The months after the start at which follow-ups fall due.</summary>
    public static readonly int[] Months = [1, 3, 6];

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string CountyCode { get; init; } = "";
    public string RegionCode { get; init; } = "";
    public Guid PersonId { get; init; }
    public Guid PlacementId { get; init; }

    /// <summary>1, 3 or 6.</summary>
    public int MonthsAfterStart { get; init; }

    /// <summary>Start date plus <see cref="MonthsAfterStart"/> calendar months (31 January + 1 month = 28/29 February).</summary>
    public DateOnly DueOn { get; init; }
    public DateOnly? DoneOn { get; private set; }
    public string? DoneBy { get; private set; }
    public bool? StillEmployed { get; private set; }
    public long? MonthlyWageFen { get; private set; }
    public string? Note { get; private set; }
    public bool Cancelled { get; private set; }

    public bool IsOpen => DoneOn is null && !Cancelled;

    /// <exception cref="InvalidOperationException">Already done or cancelled.</exception>
    public void Complete(DateOnly on, bool stillEmployed, long? wageFen, string? note, string? by)
    {
        if (!IsOpen) throw new InvalidOperationException(Cancelled ? "该回访已取消（此前已登记失业）。" : "该回访已经登记。");
        DoneOn = on;
        StillEmployed = stillEmployed;
        MonthlyWageFen = wageFen;
        Note = note;
        DoneBy = by;
    }

    public void Cancel()
    {
        if (IsOpen) Cancelled = true;
    }
}
