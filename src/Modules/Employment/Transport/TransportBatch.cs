using Bangfu.Platform.Data;
using Bangfu.Platform.Time;

namespace Bangfu.Employment.Transport;

/// <summary>How a batch travels (运输方式).</summary>
public enum TransportMode : short
{
    /// <summary>大巴.</summary>
    Bus = 1,
    /// <summary>包车 (a coach hired for the batch alone).</summary>
    CharteredBus = 2,
    /// <summary>火车（高铁）.</summary>
    Train = 3,
    /// <summary>飞机.</summary>
    Plane = 4,
}

/// <summary>Who paid the fares (费用承担).</summary>
public enum TransportPayer : short
{
    /// <summary>政府 (the employment service's funds).</summary>
    Government = 1,
    /// <summary>用人单位.</summary>
    Employer = 2,
    /// <summary>政府与用人单位分担.</summary>
    Shared = 3,
    /// <summary>务工人员自付.</summary>
    Workers = 4,
}

/// <summary>Where a batch stands: 计划 → 已出发 → 已到达, or 已取消 before departure.</summary>
public enum TransportBatchState : short
{
    Planned = 0,
    Departed = 1,
    Arrived = 2,
    Cancelled = 9,
}

/// <summary>
/// A point-to-point transport batch (点对点输送): one vehicle or group booking that carries registered workers on one
/// date from their home area (<see cref="OriginRegionCode"/>) to an employer or a city (<see cref="DestinationRegionCode"/>).
/// <para>Not personal data: the batch holds no one's identity, so it is not region-filtered; it belongs to the bureau that
/// organised it (<see cref="OrganiserRegionCode"/>, a county, city or province code) and only officers whose scope covers
/// that code manage it. The people on board are <see cref="TransportPassenger"/> rows, which are region-scoped.</para>
/// <para>Money: <see cref="CostFen"/> is the batch's total cost in whole fen (DESIGN.md: decimal yuan in code, whole fen
/// in the database so SQLite sums exactly); <see cref="Cost"/> gives yuan.</para>
/// <para><see cref="Booked"/> counts the passengers of every scope; each booking bumps <see cref="Version"/>, so two
/// officers filling the last seat at once cannot both succeed (optimistic concurrency).</para>
/// </summary>
public sealed class TransportBatch : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The region of the organising bureau (2, 4 or 6 digits): the scope that manages the batch.</summary>
    public string OrganiserRegionCode { get; set; } = "";

    /// <summary>组织单位, e.g. 宁乡市人力资源和社会保障局.</summary>
    public string Organiser { get; set; } = "";

    /// <summary>出发日期.</summary>
    public DateOnly TravelDate { get; set; }

    /// <summary>始发地: a township (9 digits) or county (6 digits) code.</summary>
    public string OriginRegionCode { get; set; } = "";

    /// <summary>目的地: the region of the employer or the city (4 to 12 digits).</summary>
    public string DestinationRegionCode { get; set; } = "";

    /// <summary>用人单位名称, when the batch goes to one employer.</summary>
    public string? EmployerName { get; set; }

    /// <summary>The employer's id in the employer register, when known.</summary>
    public Guid? EmployerId { get; set; }

    public TransportMode Mode { get; set; }

    /// <summary>座位数 (≥ 1): the passengers a batch may carry.</summary>
    public int Seats { get; set; }

    /// <summary>Total cost in whole fen; null when not (yet) known.</summary>
    public long? CostFen { get; set; }

    public TransportPayer PaidBy { get; set; }
    public TransportBatchState State { get; set; }
    public string? Note { get; set; }

    /// <summary>Passengers booked, of every scope.</summary>
    public int Booked { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? DepartedAt { get; set; }
    public DateTimeOffset? ArrivedAt { get; set; }
    public long Version { get; set; }

    /// <summary>The cost in yuan (null when unknown).</summary>
    public decimal? Cost => CostFen is { } fen ? Money.ToYuan(fen) : null;

    public bool IsOpen => State == TransportBatchState.Planned;

    /// <summary>Takes a seat for one more passenger.</summary>
    /// <exception cref="InvalidOperationException">The batch is no longer planned, or every seat is taken.</exception>
    public void Book()
    {
        if (State != TransportBatchState.Planned) throw new InvalidOperationException($"该批次{StateText(State)}，不能再添加乘车人员。");
        if (Booked >= Seats) throw new InvalidOperationException($"座位已满（共 {Seats} 座），不能再添加乘车人员。");
        Booked++;
    }

    /// <summary>Gives a seat back.</summary>
    /// <exception cref="InvalidOperationException">The batch is no longer planned.</exception>
    public void Unbook()
    {
        if (State != TransportBatchState.Planned) throw new InvalidOperationException($"该批次{StateText(State)}，不能再移除乘车人员。");
        Booked = Math.Max(0, Booked - 1);
    }

    /// <exception cref="InvalidOperationException">Not planned, or nobody is booked.</exception>
    public void Depart(DateTimeOffset at)
    {
        if (State != TransportBatchState.Planned) throw new InvalidOperationException($"该批次{StateText(State)}，不能再标记出发。");
        if (Booked == 0) throw new InvalidOperationException("该批次还没有乘车人员，不能标记出发。");
        (State, DepartedAt) = (TransportBatchState.Departed, at);
    }

    /// <exception cref="InvalidOperationException">The batch has not departed.</exception>
    public void Arrive(DateTimeOffset at)
    {
        if (State is not (TransportBatchState.Departed or TransportBatchState.Arrived))
            throw new InvalidOperationException($"该批次{StateText(State)}，不能确认到达。");
        if (State == TransportBatchState.Departed) (State, ArrivedAt) = (TransportBatchState.Arrived, at);
    }

    /// <exception cref="InvalidOperationException">The batch has already departed.</exception>
    public void Cancel()
    {
        if (State != TransportBatchState.Planned) throw new InvalidOperationException($"该批次{StateText(State)}，不能取消。");
        State = TransportBatchState.Cancelled;
    }

    public static string StateText(TransportBatchState state) => state switch
    {
        TransportBatchState.Planned => "计划中",
        TransportBatchState.Departed => "已出发",
        TransportBatchState.Arrived => "已到达",
        _ => "已取消",
    };

    public static string ModeText(TransportMode mode) => mode switch
    {
        TransportMode.Bus => "大巴",
        TransportMode.CharteredBus => "包车",
        TransportMode.Train => "火车（高铁）",
        _ => "飞机",
    };

    public static string PayerText(TransportPayer payer) => payer switch
    {
        TransportPayer.Government => "政府",
        TransportPayer.Employer => "用人单位",
        TransportPayer.Shared => "政府与用人单位分担",
        _ => "务工人员自付",
    };
}
