package org.hipaatraining.packager.player;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.microsoft.playwright.Page;
import org.hipaatraining.packager.PackageFormat;
import com.sun.net.httpserver.HttpExchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The player's statement queue (shared by the xapi and cmi5 adapters) against a fake LRS in the test server that fails
 * on purpose: network aborts (Playwright routes), 500/503/429 answers, a lost response after the statements were
 * stored, and the browser going offline and back. Every statement must arrive exactly once and in order.
 */
class StatementQueueTest extends BrowserTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A strict LRS: a batch containing an id it already has is refused whole with 409. */
    static final class FakeLrs {
        final Map<String, String> stored = new LinkedHashMap<>(); // id -> object id, in the order stored
        final List<Integer> answers = new ArrayList<>();
        final List<Integer> script = new ArrayList<>(); // status for the next requests; 0 = store, then answer 500
        int requests;

        synchronized void handle(HttpExchange exchange) throws IOException {
            if (!"POST".equals(exchange.getRequestMethod())) {
                PlayerTestServer.send(exchange, 405, "text/plain", "");
                return;
            }
            requests++;
            assertThat(exchange.getRequestHeaders().getFirst("X-Experience-API-Version")).isEqualTo("1.0.3");
            JsonNode body = JSON.readTree(PlayerTestServer.body(exchange));
            List<JsonNode> batch = new ArrayList<>();
            body.forEach(batch::add);
            Integer scripted = script.isEmpty() ? null : script.remove(0);
            int status;
            if (scripted != null && scripted != 0) {
                status = scripted;
            } else if (batch.stream().anyMatch(s -> stored.containsKey(s.get("id").asString()))) {
                status = 409;
            } else {
                batch.forEach(s -> stored.put(s.get("id").asString(), s.get("object").get("id").asString()));
                status = scripted != null ? 500 : 200; // 0: stored, but the answer is lost
            }
            answers.add(status);
            String ids = JSON.writeValueAsString(batch.stream().map(s -> s.get("id").asString()).toList());
            PlayerTestServer.send(exchange, status, "application/json", status == 200 ? ids : "");
        }

        synchronized List<String> objects() {
            return new ArrayList<>(stored.values());
        }
    }

    FakeLrs lrs;

    @BeforeEach
    void page() {
        lrs = new FakeLrs();
        server.handle("/lrs/", lrs::handle);
        server.put("/queue/player.js", playerScript());
        server.put("/queue/index.html", """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Statement queue</title>
                <script src="/queue/player.js"></script></head>
                <body><p>Queue test</p>
                <script>
                  window.makeQueue = function () {
                    window.queue = new HipaaPlayer.StatementQueue({endpoint: location.origin + '/lrs/', key: 'test-queue',
                      baseDelayMs: 40, maxDelayMs: 300, batchSize: 10,
                      headers: function () { return {Authorization: 'Basic dGVzdDp0ZXN0'}; }});
                  };
                  window.addMany = function (from, count) {
                    for (var i = from; i < from + count; i++) {
                      queue.add({actor: {mbox: 'mailto:learner@example.org'},
                        verb: {id: 'http://adlnet.gov/expapi/verbs/experienced', display: {'en-US': 'experienced'}},
                        object: {id: 'https://example.org/activity/' + i}});
                    }
                  };
                  window.pending = function () {
                    return JSON.parse(localStorage.getItem('test-queue') || '[]').length;
                  };
                  makeQueue();
                </script></body></html>
                """);
    }

    /** The player script as packages ship it (the packager joins it from its parts). */
    static byte[] playerScript() {
        return Packages.module(Packages.smallestModuleWithQuestions().id(), PackageFormat.XAPI).get("player/player.js");
    }

    static List<String> activities(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> "https://example.org/activity/" + i).toList();
    }

    @Test
    void everyStatementArrivesOnceAndInOrderThroughAbortsServerErrorsAndALostResponse() {
        Page page = newPage(800, 600);
        AtomicInteger aborts = new AtomicInteger(2);
        page.route("**/lrs/statements", route -> {
            if (aborts.getAndDecrement() > 0) {
                route.abort("connectionreset");
            } else {
                route.resume();
            }
        });
        // After the two aborted requests: 500, 503, 429, then one batch stored with its answer lost, then normal.
        lrs.script.addAll(List.of(500, 503, 429, 0));
        page.navigate(server.url("/queue/index.html"));
        page.evaluate("() => addMany(0, 25)");
        page.evaluate("() => new Promise(r => setTimeout(r, 30))");
        page.evaluate("() => addMany(25, 12)");

        assertThat(page.evaluate("() => queue.drain(20000)")).isEqualTo(true);
        assertThat(lrs.objects()).containsExactlyElementsOf(activities(0, 37));
        assertThat(lrs.answers).contains(500, 503, 429, 409);
        assertThat(page.evaluate("() => pending()")).isEqualTo(0);
    }

    @Test
    void statementsQueuedOfflineSurviveAReloadAndAreSentWhenTheConnectionReturns() {
        Page page = newPage(800, 600);
        page.navigate(server.url("/queue/index.html"));
        page.evaluate("() => addMany(0, 3)");
        assertThat(page.evaluate("() => queue.drain(10000)")).isEqualTo(true);

        context.setOffline(true);
        page.evaluate("() => addMany(3, 5)");
        page.evaluate("() => new Promise(r => setTimeout(r, 300))");
        assertThat(page.evaluate("() => pending()")).isEqualTo(5);
        assertThat(lrs.objects()).hasSize(3);

        // The learner reloads while offline: the queue comes back from localStorage and keeps waiting.
        // the LRS fails before the page is back online: going online retries at once, and must not beat the script
        synchronized (lrs) {
            lrs.script.addAll(List.of(503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503));
        }
        context.setOffline(false);
        page.reload();
        page.evaluate("() => addMany(8, 2)");
        page.evaluate("() => new Promise(r => setTimeout(r, 200))");
        assertThat(lrs.objects()).hasSize(3);
        context.setOffline(true);
        synchronized (lrs) {
            lrs.script.clear();
        }
        page.evaluate("() => new Promise(r => setTimeout(r, 100))");
        context.setOffline(false); // fires "online": the queue retries at once
        assertThat(page.evaluate("() => queue.drain(10000)")).isEqualTo(true);
        assertThat(lrs.objects()).containsExactlyElementsOf(activities(0, 10));
        assertThat(page.evaluate("() => pending()")).isEqualTo(0);
    }
}
