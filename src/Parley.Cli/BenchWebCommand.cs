using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parley.Core;
using Parley.Storage;
using Parley.Web;

namespace Parley.Cli;

/// <summary>
/// <c>parley bench web</c>: the response times of the main API endpoints and dashboard pages over a store of synthetic
/// events (the generator of <c>bench dyad</c>), through a real server on loopback.
/// </summary>
internal static class BenchWebCommand
{
    public static Command Create()
    {
        var store = IngestCommand.StoreOption();
        var events = new Option<int>("--events") { Description = "Synthetic events to generate (default 1,000,000); with --reuse, only when the store holds none.", DefaultValueFactory = _ => 1_000_000 };
        var runs = new Option<int>("--runs") { Description = "Timed requests of each endpoint after one untimed warm-up (the median and slowest are reported).", DefaultValueFactory = _ => 5 };
        var reuse = new Option<bool>("--reuse") { Description = "Keep the events already in --store (e.g. from an earlier bench) instead of adding --events more." };
        var command = new Command("web", "Response times of the API (stats, network, actors, events page 1, a filtered page, a dyad, a streamed period) and the dashboard pages (overview, network, dyad) over synthetic events; a temporary SQLite file unless --store names a throw-away store.")
        {
            store, events, runs, reuse,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(events);
            if (count <= 0)
            {
                throw new ParleyException(Errors.InvalidOption, "--events must be positive.");
            }

            var folder = Directory.CreateTempSubdirectory("parley-bench-web-").FullName;
            try
            {
                var location = StoreLocation.Parse(parse.GetValue(store) ?? Path.Combine(folder, "bench.db"));
                var clock = Stopwatch.StartNew();
                (string A, string B) dyad;
                long total;
                using (var db = EventStore.Open(location))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench web: {db.Backend} {location.Display} opened (and migrated) in {clock.Elapsed.TotalSeconds:0.0} s"));
                    var held = db.Counts().Events;
                    if (!parse.GetValue(reuse) || held == 0)
                    {
                        clock.Restart();
                        dyad = db.AddSyntheticEvents(count);
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench web: {count:N0} synthetic events added in {clock.Elapsed.TotalSeconds:0.0} s"));
                    }
                    else
                    {
                        dyad = ("USA", "CHN"); // the densest pair of the generator
                    }

                    total = db.Counts().Events;
                }

                var options = new ServerOptions { Store = location, ModelsRoot = ModelFolder.Root(), Urls = "http://127.0.0.1:0", ReadsPerMinute = 1_000_000 };
                var app = ParleyServer.Build(options);
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    using var client = new HttpClient { BaseAddress = new Uri(ParleyServer.Addresses(app)[0]), Timeout = TimeSpan.FromMinutes(10) };
                    var (a, b) = dyad;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench web: {total:N0} events; each request once untimed, then {Math.Max(1, parse.GetValue(runs))} timed (server and client in this process, loopback)"));
                    var targets = new (string Name, string Path)[]
                    {
                        ("page overview", "/"),
                        ("page network", "/network"),
                        ("page dyad", $"/dyads/{a}/{b}"),
                        ("api stats", "/v1/stats"),
                        ("api stats 2022", "/v1/stats?from=2022&to=2022"),
                        ("api network", "/v1/network"),
                        ("api actors", "/v1/actors"),
                        ("api events page 1", "/v1/events"),
                        ("api events page 1 actor", $"/v1/events?actor={a}"),
                        ("api events rare actor", "/v1/events?actor=SWE&recipient=NOR"),
                        ("api events page 50", "/v1/events?offset=4900"),
                        ("api dyad", $"/v1/dyads/{a}/{b}"),
                        ("api dyad by week", $"/v1/dyads/{a}/{b}?by=week"),
                        ("api documents", "/v1/documents"),
                        ("ndjson one month", "/v1/events?format=ndjson&from=2024-12&to=2024-12"),
                    };
                    foreach (var (name, path) in targets)
                    {
                        var times = new List<double>();
                        long bytes = 0;
                        for (var i = 0; i <= Math.Max(1, parse.GetValue(runs)); i++)
                        {
                            clock.Restart();
                            using var response = await client.GetAsync(path, cancellationToken).ConfigureAwait(false);
                            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                            var ms = clock.Elapsed.TotalMilliseconds;
                            if (!response.IsSuccessStatusCode)
                            {
                                throw new ParleyException(Errors.Internal, $"bench web: {path} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
                            }

                            bytes = body.Length;
                            if (i > 0)
                            {
                                times.Add(ms);
                            }
                        }

                        times.Sort();
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"bench web: {name,-24} {path,-48} median {times[times.Count / 2],7:0.0} ms, slowest {times[^1],7:0.0} ms, {bytes / 1024.0,8:0.0} KB"));
                    }
                }
                finally
                {
                    await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
                    await app.DisposeAsync().ConfigureAwait(false);
                }

                return ExitCodes.Success;
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }
        });
        return command;
    }
}
