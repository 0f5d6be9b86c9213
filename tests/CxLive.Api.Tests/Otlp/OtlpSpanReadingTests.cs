using System.Text;
using CxLive.Api.Ingest;
using CxLive.Api.Ingest.Otlp;
using CxLive.Api.Tests.Infrastructure;
using CxLive.Domain.Telemetry;
using CxLive.Grains.Abstractions.Fleet;
using Microsoft.Extensions.Options;

namespace CxLive.Api.Tests.Otlp;

/// <summary>Spans to events without HTTP: both encodings, read into a real batch builder and checked by its counts.</summary>
public sealed class OtlpSpanReadingTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    public static TheoryData<bool> Encodings => new() { false, true };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void The_customer_key_order_comes_first_then_the_span_before_its_resource(bool json)
    {
        var request = new OtlpTraceRequest()
            .Resource(("service.name", "shop"), ("cx.customer.id", "from-resource"))
            .Span("a", Now, 10)
            .Span("b", Now, 10, attributes: ("cx.customer.id", "from-span"))
            .Span("c", Now, 10, attributes: ("enduser.id", "user-on-span"))
            .Resource(("enduser.id", "user-on-resource"))
            .Span("d", Now, 10)
            .Span("e", Now, 10, attributes: [("enduser.id", "user-on-span"), ("cx.customer.id", "explicit")]);

        var (builder, mapper) = Read(request, json);

        Assert.Equal(5, builder.Accepted);
        Assert.Equal(0, mapper.DroppedWithoutCustomer);
        Assert.Equal(2, Total(builder, "from-resource"));
        Assert.Equal(1, Total(builder, "from-span"));
        Assert.Equal(1, Total(builder, "user-on-resource"));
        Assert.Equal(1, Total(builder, "explicit"));
        Assert.False(builder.Customers.ContainsKey("user-on-span"));
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void The_touchpoint_is_cx_touchpoint_else_http_route_else_the_span_name_made_an_id(bool json)
    {
        var request = new OtlpTraceRequest()
            .Resource(("cx.customer.id", "tp-customer"))
            .Span("GET /pay", Now, 10, attributes: [("http.route", "/pay/{id}"), ("cx.touchpoint", "payment")])
            .Span("GET /api/orders/42", Now, 10, attributes: ("http.route", "/api/orders/{id}"))
            .Span("search products", Now, 10)
            .Span("/", Now, 10)
            .Span(null, Now, 10);

        var (builder, mapper) = Read(request, json);

        Assert.Equal(["api.orders.id", "payment", "search.products"], builder.Customers["tp-customer"].Touchpoints.Select(t => t.Touchpoint).Order());
        Assert.Equal(2, builder.RejectedCount);
        Assert.Contains("the touchpoint from the span name has no letters or digits", Rejection(builder, 3), StringComparison.Ordinal);
        Assert.Contains("no touchpoint", Rejection(builder, 4), StringComparison.Ordinal);
        Assert.Contains("2 spans were rejected", mapper.Summary(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("checkout", "checkout")]
    [InlineData("/api/orders/{id}", "api.orders.id")]
    [InlineData("GET /api//orders/", "GET.api.orders")]
    [InlineData("a.b_c:d@e-f", "a.b_c:d@e-f")]
    [InlineData("caf\u00e9 cr\u00e8me", "caf.cr.me")]
    [InlineData("/ {} /", "")]
    public void A_route_or_name_becomes_an_id_by_turning_each_run_of_other_characters_into_a_dot(string source, string expected)
    {
        var id = new byte[128];

        var length = SpanTouchpoint.Normalize(Encoding.UTF8.GetBytes(source), id);

        Assert.Equal(expected, Encoding.ASCII.GetString(id, 0, length));
    }

    [Fact]
    public void A_touchpoint_longer_than_an_id_is_refused_not_cut()
    {
        Assert.Equal(-1, SpanTouchpoint.Normalize(Encoding.ASCII.GetBytes(new string('a', 129)), new byte[128]));
        Assert.Equal(128, SpanTouchpoint.Normalize(Encoding.ASCII.GetBytes("/" + new string('a', 128) + "/"), new byte[128]));
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Error_status_and_5xx_responses_fail_while_4xx_and_unset_succeed_and_latency_is_end_minus_start(bool json)
    {
        var request = new OtlpTraceRequest()
            .Resource(("cx.customer.id", "health"))
            .Span("ok", Now, 1500, statusCode: 1)
            .Span("ok", Now, 20, statusCode: 2)
            .Span("ok", Now, 20, attributes: ("http.response.status_code", 503))
            .Span("ok", Now, 20, attributes: ("http.response.status_code", 404))
            .Span("ok", Now, 20, attributes: ("http.response.status_code", "500"))
            .Span("ok", Now, 20);

        var (builder, _) = Read(request, json);

        var slots = builder.Customers["health"].Touchpoints.Single().Slots;
        Assert.Equal(6, slots.Sum(s => s.Total));
        Assert.Equal(3, slots.Sum(s => s.Errors));
        Assert.Equal(1, slots.Sum(s => s.Slow)); // 1,500 ms is over the default 1,000 ms threshold
        Assert.Equal(new TelemetryOptions().SlotIndexOf(Now), Assert.Single(slots).Slot);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Spans_without_a_customer_are_dropped_and_bad_ids_and_times_rejected_by_index(bool json)
    {
        var request = new OtlpTraceRequest()
            .Resource(("service.name", "anonymous"))
            .Span("a", Now, 10)
            .Span("b", Now, 10, attributes: ("cx.customer.id", "has space"))
            .Span("c", Now, 10, attributes: ("cx.customer.id", 4711))
            .Span("d", Now.AddHours(-1), 10, attributes: ("cx.customer.id", "too-old"))
            .Span("e", Now, 10, attributes: ("cx.customer.id", true));

        var (builder, mapper) = Read(request, json);

        Assert.Equal(1, builder.Accepted);
        Assert.Equal(1, Total(builder, "4711"));
        Assert.Equal(2, mapper.DroppedWithoutCustomer);
        Assert.Contains("'cx.customer.id' is not 1-128 characters", Rejection(builder, 1), StringComparison.Ordinal);
        Assert.Contains("older", Rejection(builder, 3), StringComparison.Ordinal);
        var summary = mapper.Summary();
        Assert.StartsWith("2 spans had no customer attribute (cx.customer.id, enduser.id)", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("has space", summary, StringComparison.Ordinal); // values are not echoed
    }

    [Fact]
    public void Configured_attribute_lists_replace_the_defaults()
    {
        var options = new OtlpOptions { CustomerAttributes = ["tenant.id"], TouchpointAttributes = ["feature"] };
        var request = new OtlpTraceRequest()
            .Span("x", Now, 10, attributes: [("cx.customer.id", "ignored"), ("tenant.id", "t1"), ("feature", "reports")]);

        var (builder, _) = Read(request, json: false, options);

        Assert.Equal("reports", Assert.Single(builder.Customers["t1"].Touchpoints).Touchpoint);
        Assert.False(builder.Customers.ContainsKey("ignored"));
    }

    [Fact]
    public void Json_takes_snake_case_names_numbers_for_int64_escapes_and_a_value_before_its_key()
    {
        var start = (Now - DateTimeOffset.UnixEpoch).Ticks * 100;
        var body = $$$"""
            {"resource_spans":[{"scope_spans":[{"spans":[{"name":"n","start_time_unix_nano":{{{start}}},"end_time_unix_nano":{{{start + 2_000_000}}},
              "attributes":[{"value":{"stringValue":"c\u0068eckout"},"key":"cx.touchpoint"},{"key":"cx.customer.id","value":{"intValue":77}}],
              "status":{"code":2},"unknownField":[1,{"a":null}]}]}],
              "resource":{"attributes":[{"key":"service.name","value":{"stringValue":"s"}}]}}]}
            """;

        var (builder, _) = ReadBytes(Encoding.UTF8.GetBytes(body), json: true);

        var touchpoint = Assert.Single(builder.Customers["77"].Touchpoints);
        Assert.Equal("checkout", touchpoint.Touchpoint);
        Assert.Equal(1, touchpoint.Slots.Single().Errors);
        Assert.Equal(2.0, Assert.Single(touchpoint.Samples.ToArray()), precision: 6);
    }

    [Theory]
    [InlineData(new byte[] { 0x0A, 0x05, 0x01 })] // resource_spans claims 5 bytes, has 1
    [InlineData(new byte[] { 0x0A })] // a tag and nothing after it
    [InlineData(new byte[] { 0x0B, 0x00 })] // a group (wire type 3)
    [InlineData(new byte[] { 0x09, 0x01 })] // resource_spans as fixed64
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF })] // an endless varint
    public void A_body_that_is_not_the_protobuf_message_throws(byte[] body)
    {
        var exception = Assert.Throws<OtlpDecodeException>(() => ReadBytes(body, json: false));
        Assert.StartsWith("The body is not a protobuf ExportTraceServiceRequest", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_protobuf_body_is_an_empty_request()
    {
        var (builder, mapper) = ReadBytes([], json: false);

        Assert.Equal(0, builder.Accepted + mapper.Spans);
        Assert.Null(mapper.Summary());
    }

    [Fact]
    public void Options_name_the_setting_when_lists_overlap_or_are_too_long()
    {
        var options = new OtlpOptions { CustomerAttributes = ["a", "b"], TouchpointAttributes = ["b", .. Enumerable.Range(0, 9).Select(i => $"k{i}")] };

        var problems = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Select(r => r.ErrorMessage).ToList();

        Assert.Contains(problems, p => p!.Contains("Ingest:Otlp:TouchpointAttributes may list at most 8", StringComparison.Ordinal));
        Assert.Contains(problems, p => p!.Contains("both name 'b'", StringComparison.Ordinal));
        Assert.Empty(new OtlpOptions().Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
    }

    private static (TelemetryBatchBuilder Builder, OtlpSpanMapper Mapper) Read(OtlpTraceRequest request, bool json, OtlpOptions? options = null) =>
        ReadBytes(json ? request.ToJson() : request.ToProtobuf(), json, options);

    private static (TelemetryBatchBuilder Builder, OtlpSpanMapper Mapper) ReadBytes(byte[] body, bool json, OtlpOptions? options = null)
    {
        var builder = new TelemetryBatchBuilder(new TelemetryOptions(), new TouchpointCatalog(), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(10));
        var mapper = new OtlpSpanMapper(builder, new OtlpAttributeKeys(Options.Create(options ?? new OtlpOptions())));
        if (json)
        {
            new OtlpJsonReader(mapper).Read(body);
        }
        else
        {
            new OtlpProtobufReader(mapper).Read(body);
        }

        return (builder, mapper);
    }

    private static int Total(TelemetryBatchBuilder builder, string customer) =>
        builder.Customers.TryGetValue(customer, out var accumulator) ? accumulator.Touchpoints.Sum(t => t.Slots.Sum(s => s.Total)) : 0;

    private static string Rejection(TelemetryBatchBuilder builder, int index) => builder.Rejected.Single(r => r.Index == index).Error;
}
