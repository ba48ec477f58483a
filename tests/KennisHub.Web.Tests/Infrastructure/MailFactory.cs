using System.Collections.Concurrent;
using KennisHub.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KennisHub.Web.Tests.Infrastructure;

/// <summary>The account site with outgoing mail kept in memory, so tests can read the links that were sent.</summary>
public sealed class MailFactory : AccountFactory
{
    public InMemoryMailSender Mail { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IMailSender>(Mail));
    }
}

public sealed class InMemoryMailSender : IMailSender
{
    private readonly ConcurrentQueue<MailMessageToSend> sent = new();

    public IReadOnlyList<MailMessageToSend> SentTo(string address)
        => sent.Where(m => string.Equals(m.To, address, StringComparison.OrdinalIgnoreCase)).ToList();

    public Task SendAsync(MailMessageToSend message, CancellationToken cancellationToken)
    {
        sent.Enqueue(message);
        return Task.CompletedTask;
    }
}
