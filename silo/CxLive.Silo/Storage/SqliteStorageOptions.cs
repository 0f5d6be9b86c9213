using System.ComponentModel.DataAnnotations;
using CxLive.Domain;

namespace CxLive.Silo.Storage;

/// <summary>Embedded grain storage: one SQLite file under <see cref="DataDirectory"/> (section <c>Storage</c>).</summary>
public sealed class SqliteStorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Folder of the database file; relative paths are taken from the content root.</summary>
    [Required(ErrorMessage = "Storage:DataDirectory must name a folder for the embedded database.")]
    public string DataDirectory { get; set; } = "data";

    [Required(ErrorMessage = "Storage:FileName must name the database file.")]
    [RegularExpression(@"^[A-Za-z0-9._-]+$", ErrorMessage = "Storage:FileName must be a plain file name (letters, digits, . _ -).")]
    public string FileName { get; set; } = "cxlive.db";

    /// <summary>
    /// Fsync on every commit (<c>synchronous=FULL</c>). On by default: an acknowledged write survives power loss,
    /// not only a crash of the process. Writes are group-committed, so the cost is shared by a batch.
    /// </summary>
    public bool SyncEveryCommit { get; set; } = true;

    /// <summary>Most writes committed in one transaction by the single writer lane.</summary>
    [SettingRange(1, 10_000, ErrorMessage = "Storage:MaxWritesPerCommit must be between 1 and 10000.")]
    public int MaxWritesPerCommit { get; set; } = 512;

    /// <summary>Writes waiting for the lane before callers wait for room.</summary>
    [SettingRange(1, 1_000_000, ErrorMessage = "Storage:WriteQueueCapacity must be between 1 and 1000000.")]
    public int WriteQueueCapacity { get; set; } = 20_000;

    /// <summary>
    /// How long a write waits for room in the queue and for its commit before its caller hears "unavailable" (HTTP 503
    /// with Retry-After) instead of hanging. A write given up before the lane took it is never applied.
    /// </summary>
    [SettingRange(1, 600, ErrorMessage = "Storage:WriteTimeoutSeconds must be between 1 and 600.")]
    public int WriteTimeoutSeconds { get; set; } = 30;

    public TimeSpan WriteTimeout => TimeSpan.FromSeconds(WriteTimeoutSeconds);

    public string ResolveFilePath(string contentRoot) =>
        Path.GetFullPath(Path.Combine(Path.IsPathRooted(DataDirectory) ? DataDirectory : Path.Combine(contentRoot, DataDirectory), FileName));
}
