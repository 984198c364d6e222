package dev.darkmaximus.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.darkmaximus.platform.error.ProblemWriter;
import dev.darkmaximus.platform.error.Problems;

/**
 * Caps request bodies before anything reads them: provider and Telegram webhooks get a small budget (their bodies
 * are a few kilobytes), a DM2 shop's database uploaded for import a large one, everything else a sane one. A declared length over the cap is refused at once with 413; a
 * body without one (chunked) is cut off as soon as it passes the cap.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestBodyLimits extends OncePerRequestFilter {

    private final long maxBody;
    private final long maxWebhookBody;
    private final long maxImportBody;
    private final ProblemWriter problems;

    RequestBodyLimits(@Value("${dm.http.max-body:1MB}") DataSize maxBody,
                      @Value("${dm.http.max-webhook-body:256KB}") DataSize maxWebhookBody,
                      @Value("${dm.http.max-import-body:1GB}") DataSize maxImportBody, ProblemWriter problems) {
        this.maxBody = maxBody.toBytes();
        this.maxWebhookBody = maxWebhookBody.toBytes();
        this.maxImportBody = maxImportBody.toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        long cap = path.startsWith("/api/v1/webhooks/") || path.startsWith("/telegram/webhook/") ? maxWebhookBody
                : path.equals("/api/v1/admin/imports/dm2") ? maxImportBody : maxBody;
        if (request.getContentLengthLong() > cap) {
            tooLarge(response, cap);
            return;
        }
        try {
            chain.doFilter(new Capped(request, cap), response);
        } catch (BodyTooLarge e) {
            if (!response.isCommitted()) {
                response.reset();
                tooLarge(response, cap);
            }
        } catch (ServletException e) {
            if (e.getCause() instanceof BodyTooLarge && !response.isCommitted()) {
                response.reset();
                tooLarge(response, cap);
                return;
            }
            throw e;
        }
    }

    private void tooLarge(HttpServletResponse response, long cap) throws IOException {
        response.setHeader("Connection", "close");
        problems.write(response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body_too_large",
                "The request body is larger than " + cap / 1024 + " KB."));
    }

    /** Thrown from a read that passes the cap. */
    public static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("request body over the limit");
        }
    }

    private static final class Capped extends HttpServletRequestWrapper {

        private final long cap;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long cap) {
            super(request);
            this.cap = cap;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > cap) {
                            throw new BodyTooLarge();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0 && (read += n) > cap) {
                            throw new BodyTooLarge();
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
