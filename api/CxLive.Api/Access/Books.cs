using System.Security.Claims;
using CxLive.Grains.Abstractions;
using CxLive.Grains.Abstractions.Customers;

namespace CxLive.Api.Access;

/// <summary>Whether a customer is in the caller's book: a key bound to account managers sees their customers only.</summary>
internal static class Books
{
    /// <summary>Of <paramref name="customerIds"/>, those in the caller's book (all of them for a fleet-wide key).</summary>
    public static async Task<IReadOnlySet<string>> HeldAsync(IGrainFactory grains, ClaimsPrincipal user, IEnumerable<string> customerIds)
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        foreach (var customer in customerIds.Distinct(StringComparer.Ordinal))
        {
            if (await HoldsAsync(grains, user, customer))
            {
                held.Add(customer);
            }
        }

        return held;
    }

    /// <summary>True for a fleet-wide key; for a bound key, true when the customer exists and one of its managers holds it.</summary>
    public static async Task<bool> HoldsAsync(IGrainFactory grains, ClaimsPrincipal user, string customerId)
    {
        if (Caller.Book(user) is null)
        {
            return true;
        }

        if ((await grains.CustomerDirectory().Existing([customerId])).Count == 0)
        {
            return false; // asked of the index, so an unknown id activates nothing
        }

        var document = await grains.GetGrain<ICustomerGrain>(customerId).GetDocument();
        return document is not null && Caller.Sees(user, document.Profile.AccountManager);
    }
}
