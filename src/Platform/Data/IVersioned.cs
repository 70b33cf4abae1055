namespace Bangfu.Platform.Data;

/// <summary>
/// An entity with an application-managed optimistic concurrency counter. <see cref="AppDbContext"/> increments
/// <see cref="Version"/> on every update, and EF Core adds it to the WHERE clause, on SQLite and PostgreSQL alike.
/// </summary>
public interface IVersioned
{
    long Version { get; set; }
}
