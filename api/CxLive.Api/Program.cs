using CxLive.Api.Access;
using CxLive.Api.Errors;
using CxLive.Api.Hosting;
using CxLive.ServiceDefaults;

var builder = ApiExtensions.CreateCxLiveBuilder(args);
builder.AddCxLiveServiceDefaults();
builder.AddCxLiveOrleans();
builder.AddCxLiveErrors();
builder.AddCxLiveAccess();
builder.AddCxLiveApi();

var app = builder.Build();
app.UseCxLiveErrors();
app.UseCxLiveBodyLimit();
app.UseClusterGate();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseRequestTimeouts();
app.MapCxLiveApi();
app.AnnounceAccess();
app.AnnounceAddresses();
app.Run();

/// <summary>Entry point; public for WebApplicationFactory.</summary>
public partial class Program;
