namespace ServiceBot.Core.Support;

/// <summary>
/// The expected wait told to a customer: their place times the average handling time, shared among the staff members
/// signed in to the console (at least one is assumed, so the estimate never reads "0 minutes" or infinity), rounded up.
/// </summary>
public static class WaitEstimate
{
    public static int Minutes(int position, int staffOnline, double averageHandlingMinutes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        double minutes = position * averageHandlingMinutes / Math.Max(1, staffOnline);
        return Math.Max(1, (int)Math.Ceiling(minutes));
    }
}
