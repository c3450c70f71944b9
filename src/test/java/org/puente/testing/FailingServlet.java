package org.puente.testing;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /test-only/fail}: a request that fails the way a bug would, to see what a visitor and the log get.
 * Only in the archive the tests share ({@link Deployments#shared()}).
 */
@WebServlet("/test-only/fail")
public class FailingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        throw new IllegalStateException("simulated failure with a secret detail");
    }
}
