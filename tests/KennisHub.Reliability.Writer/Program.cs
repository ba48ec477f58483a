using KennisHub.Core.Audit;
using KennisHub.Core.Data;

// Usage: KennisHub.Reliability.Writer <sqlite connection string> [rows per transaction]
// Prints "ready", then one acknowledged id per line, forever, until killed. An id is printed only after its
// transaction committed, so every printed id is a promise the database must keep after a hard kill.
if (args.Length < 1)
{
    await Console.Error.WriteLineAsync("Gebruik: KennisHub.Reliability.Writer <connection string> [rijen per transactie]");
    return 2;
}

var rowsPerTransaction = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1;
var db = new Db(DatabaseProvider.Sqlite, args[0]);
new DatabaseMigrator(db).Migrate();
using var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
await output.WriteLineAsync("ready");
await using var connection = await db.OpenAsync();
while (true)
{
    var ids = new List<Guid>(rowsPerTransaction);
    await using (var transaction = await connection.BeginTransactionAsync())
    {
        for (var i = 0; i < rowsPerTransaction; i++)
        {
            var id = Guid.NewGuid();
            await AuditLog.WriteAsync(connection, transaction, new AuditEntry("crash.test", "CrashTest", id, new string('x', 200), null, "writer"));
            ids.Add(id);
        }

        await transaction.CommitAsync();
    }

    foreach (var id in ids)
    {
        await output.WriteLineAsync(id.ToString("D"));
    }
}
