using System.Net.WebSockets;

namespace ServiceBot.Bench;

/// <summary>What an idle connection costs a server: resident memory before and after opening many, divided by their number.</summary>
internal static class IdleMemory
{
    public static async Task<double> BytesPerConnectionAsync(ServerProcess server, int count)
    {
        string[] customers = ["cust_001", "cust_002", "cust_003"];
        await Task.Delay(1000);
        long before = server.ResidentBytes();
        var sockets = new List<ClientWebSocket>(count);
        for (int i = 0; i < count; i++)
        {
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{server.Port}/ws?customerId={customers[i % 3]}"), CancellationToken.None);
            sockets.Add(socket);
        }

        await Task.Delay(2000);
        long after = server.ResidentBytes();
        foreach (ClientWebSocket socket in sockets)
        {
            socket.Abort();
            socket.Dispose();
        }

        return (after - before) / (double)count;
    }
}
