using Parley.Cli;

return await ParleyCli.RunAsync(args).ConfigureAwait(false);
