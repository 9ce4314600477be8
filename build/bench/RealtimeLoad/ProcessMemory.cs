namespace CleanBackend.RealtimeLoad;

public static class ProcessMemory
{
    /// <summary>Resident set size of a process, from /proc/&lt;pid&gt;/status (VmRSS).</summary>
    public static long RssBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
            var kilobytes = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]);
            return kilobytes * 1024;
        }
        throw new InvalidOperationException($"No VmRSS for process {pid}.");
    }
}
