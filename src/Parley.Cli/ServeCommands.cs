using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Parley.Core;
using Parley.Storage;
using Parley.Web;

namespace Parley.Cli;

/// <summary>
/// <c>parley serve [--store S] [--urls U]</c>: the web API and dashboard (see src/Parley.Web/README.md); and
/// <c>parley keys create NAME | list | revoke KEYID</c>: the API keys that writes need, stored hashed in the store.
/// </summary>
internal static class ServeCommands
{
    public static Command CreateServe()
    {
        var store = IngestCommand.StoreOption();
        var urls = new Option<string>("--urls") { Description = "Where to listen (Kestrel URLs, ';'-separated).", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var maxBody = new Option<long>("--max-body") { Description = "The largest request body accepted, in bytes.", DefaultValueFactory = _ => 8L * 1024 * 1024 };
        var reads = new Option<int>("--reads-per-minute") { Description = "Read requests per minute per client address.", DefaultValueFactory = _ => 600 };
        var writes = new Option<int>("--writes-per-minute") { Description = "Uploads per minute per client address.", DefaultValueFactory = _ => 30 };
        var dedup = new Option<string>("--dedup") { Description = "Cross-story deduplication of uploaded documents: none, day or window:N.", DefaultValueFactory = _ => "none" };
        var verbose = new Option<bool>("--verbose") { Description = "Log every request on stderr." };
        var command = new Command("serve", "Serve the HTTP API (/v1), its OpenAPI document, health checks and the dashboard pages.") { store, urls, maxBody, reads, writes, dedup, verbose };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var location = StoreLocation.Parse(parse.GetValue(store));
            using (EventStore.Open(location))
            {
                // migrations applied and the store reachable before listening: a bad --store is reported at once
            }

            var options = new ServerOptions
            {
                Store = location,
                ModelsRoot = ModelFolder.Root(),
                Urls = parse.GetValue(urls)!,
                MaxRequestBodyBytes = Math.Max(1024, parse.GetValue(maxBody)),
                ReadsPerMinute = parse.GetValue(reads),
                WritesPerMinute = parse.GetValue(writes),
                Dedup = DedupPolicy.Parse(parse.GetValue(dedup)),
            };
            var app = ParleyServer.Build(options, parse.GetValue(verbose) ? LogLevel.Information : LogLevel.Warning);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            CliConsole.Info($"serve: {string.Join(", ", ParleyServer.Addresses(app))} (store {location.Display}); Ctrl+C stops");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM
            }

            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command CreateKeys()
    {
        var store = IngestCommand.StoreOption();
        var name = new Argument<string>("name") { Description = "A label saying who or what uses the key." };
        var create = new Command("create", "Make an API key for writes; it is printed once (only its hash is stored).") { name, store };
        create.SetAction(parse =>
        {
            using var s = EventStore.Open(parse.GetValue(store));
            var made = s.CreateApiKey(parse.GetValue(name)!);
            using var output = CliConsole.OpenOutput();
            output.WriteLine(made.Key);
            CliConsole.Info($"keys: made key {made.Info.KeyId} '{made.Info.Name}' in {s.Location.Display}; keep it now, it cannot be shown again");
            return ExitCodes.Success;
        });

        var listStore = IngestCommand.StoreOption();
        var list = new Command("list", "List the API keys (id, name, created, revoked); never the keys themselves.") { listStore };
        list.SetAction(parse =>
        {
            using var s = EventStore.Open(parse.GetValue(listStore));
            using var output = CliConsole.OpenOutput();
            foreach (var k in s.ApiKeys())
            {
                output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?> { ["key_id"] = k.KeyId, ["name"] = k.Name, ["created_at"] = k.CreatedAt, ["revoked_at"] = k.RevokedAt, ["active"] = k.Active }));
            }

            return ExitCodes.Success;
        });

        var keyId = new Argument<string>("key-id") { Description = "The id of the key (the part after prl_, as 'keys list' shows it)." };
        var revokeStore = IngestCommand.StoreOption();
        var revoke = new Command("revoke", "Revoke an API key: writes with it are refused from now on.") { keyId, revokeStore };
        revoke.SetAction(parse =>
        {
            using var s = EventStore.Open(parse.GetValue(revokeStore));
            var id = parse.GetValue(keyId)!;
            if (!s.RevokeApiKey(id))
            {
                throw new ParleyException(Errors.InvalidOption, string.Create(CultureInfo.InvariantCulture, $"no active key '{id}' in {s.Location.Display} ('parley keys list' shows them)"));
            }

            CliConsole.Info($"keys: revoked {id}");
            return ExitCodes.Success;
        });
        return new Command("keys", "API keys for the web API's writes (stored hashed in the store).") { create, list, revoke };
    }
}
