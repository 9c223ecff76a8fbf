package org.hipaatraining.lrs.forwarding;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

/** What admins do with targets (the API and the page both come here): configure, pause, resume, replay, test. */
@Service
public class ForwardingService {

    private final TargetStore targets;
    private final DeliveryLog deliveries;
    private final DeadLetters deadLetters;
    private final BatchReader reader;
    private final Sender sender;
    private final ForwardingSettings settings;
    private final Clock clock;

    ForwardingService(TargetStore targets, DeliveryLog deliveries, DeadLetters deadLetters, BatchReader reader, Sender sender,
                      ForwardingSettings settings, Clock clock) {
        this.targets = targets;
        this.deliveries = deliveries;
        this.deadLetters = deadLetters;
        this.reader = reader;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new target, and its signing secret in full: the only time it is shown. */
    public record Created(TargetView target, String signingSecret) {
    }

    public Created create(TargetForm form) {
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString().substring(0, 8);
        Target target = form.toTarget(id, now, null, settings.allowHttp());
        targets.insert(target, form.start(now));
        return new Created(view(id), target.signingSecret());
    }

    public TargetView update(String id, TargetForm form) {
        TargetStore.Stored stored = stored(id);
        if (stored.secretsProblem() != null) {
            // its secrets would be lost (a signing secret silently replaced): fix the key, or remove and add it again
            throw new ForwardingException("secretKey", stored.secretsProblem()
                    + ". Give the key they were stored with, or remove the target and add it again.");
        }
        Target existing = stored.target();
        Target changed = form.toTarget(id, existing.createdAt(), existing, settings.allowHttp());
        targets.update(changed);
        return view(id);
    }

    public void delete(String id) {
        if (!targets.delete(id)) {
            throw ForwardingException.noTarget(id);
        }
        deliveries.forget(id);
        deadLetters.forget(id);
    }

    public List<TargetView> all() {
        Instant now = clock.instant();
        return targets.all().stream().map(s -> view(s, now)).toList();
    }

    public TargetView view(String id) {
        return view(stored(id), clock.instant());
    }

    private TargetView view(TargetStore.Stored s, Instant now) {
        return TargetView.of(s.target(), s.state(), reader.oldestAfter(s.target(), s.state().cursor()), now)
                .withSecretsProblem(s.secretsProblem());
    }

    public TargetView pause(String id) {
        if (!targets.pause(id, true)) {
            throw ForwardingException.noTarget(id);
        }
        return view(id);
    }

    public TargetView resume(String id) {
        if (!targets.pause(id, false)) {
            throw ForwardingException.noTarget(id);
        }
        return view(id);
    }

    /** Delivers again, in order, everything stored (statements) or found (events) from {@code from} on. */
    public TargetView replay(String id, Instant from) {
        if (from.isAfter(clock.instant())) {
            throw new ForwardingException("from", "is in the future");
        }
        if (!targets.replay(id, Position.from(from))) {
            throw ForwardingException.noTarget(id);
        }
        deadLetters.resolve(id, from, clock.instant());
        return view(id);
    }

    public List<DeliveryLog.Delivery> deliveries(String id) {
        stored(id);
        return deliveries.recent(id, settings.deliveriesKept());
    }

    public List<DeadLetters.DeadLetter> deadLetters(String id) {
        stored(id);
        return deadLetters.recent(id, 100);
    }

    /**
     * Tries the target without delivering anything: an LRS is asked for one statement with the target's credentials;
     * an NDJSON endpoint gets an empty, signed batch; a webhook gets a signed {@code ping} event.
     */
    public DeliveryLog.Delivery test(String id) {
        TargetStore.Stored stored = stored(id);
        if (stored.secretsProblem() != null) {
            throw new ForwardingException("secretKey", stored.secretsProblem());
        }
        Target target = stored.target();
        Instant now = clock.instant();
        HttpRequest request;
        if (target.kind() == TargetKind.XAPI_LRS) {
            HttpRequest.Builder get = HttpRequest.newBuilder(URI.create(TargetRequests.statementsUri(target.url()) + "?limit=1"))
                    .timeout(settings.requestTimeout()).header("X-Experience-API-Version", target.xapiVersion()).GET();
            String authorization = target.credentials().authorization();
            if (authorization != null) {
                get.header("Authorization", authorization);
            }
            request = get.build();
        } else {
            byte[] body = target.kind() == TargetKind.WEBHOOK ? ping(now) : new byte[0];
            String type = target.kind() == TargetKind.WEBHOOK ? "application/json" : "application/x-ndjson";
            request = TargetRequests.request(target, new TargetRequests.Body(body, type,
                    java.util.Map.of(WebhookSignature.EVENT_TYPE, "ping")), "test-" + UUID.randomUUID(),
                    now.getEpochSecond(), settings.requestTimeout());
        }
        Sender.Outcome outcome = sender.send(request);
        DeliveryLog.Delivery delivery = new DeliveryLog.Delivery(id, clock.instant(), "test", 0, null, null,
                outcome.status(), outcome.error(), outcome.millis());
        deliveries.record(delivery);
        return delivery;
    }

    private static byte[] ping(Instant now) {
        ObjectNode ping = XapiJson.MAPPER.createObjectNode();
        ping.put("id", UUID.randomUUID().toString());
        ping.put("type", "ping");
        ping.put("occurredAt", now.toString());
        return XapiJson.write(ping).getBytes(StandardCharsets.UTF_8);
    }

    private TargetStore.Stored stored(String id) {
        return targets.find(id).orElseThrow(() -> ForwardingException.noTarget(id));
    }
}
