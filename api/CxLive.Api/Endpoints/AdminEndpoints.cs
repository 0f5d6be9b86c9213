using CxLive.Api.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxLive.Api.Endpoints;

internal static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdminEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/admin").WithTags("Admin").RequireAuthorization(AccessPolicies.Admin);
        group.MapPost("/memory", MeasureMemory)
            .WithName("MeasureMemory")
            .WithSummary("Runs a full, compacting garbage collection and reports the memory this process retains")
            .WithDescription("For capacity measurements (bytes per active customer x touchpoint). It pauses the process briefly: not for routine polling.");
        return group;
    }

    internal static Ok<MemoryReport> MeasureMemory()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var retained = GC.GetTotalMemory(forceFullCollection: true);
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return TypedResults.Ok(new MemoryReport(retained, process.WorkingSet64, GC.GetGCMemoryInfo().TotalCommittedBytes));
    }

    internal sealed record MemoryReport(long RetainedHeapBytes, long WorkingSetBytes, long CommittedBytes);
}
