package org.puente.petition;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import java.util.Optional;
import org.puente.platform.web.StoredImageServlet;

/** Serves {@code /petition-images/{petitionId}}: public once the petition is, to its authors before. */
@WebServlet("/petition-images/*")
public class PetitionImageServlet extends StoredImageServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient PetitionService petitions;

    @Override
    protected Optional<PetitionImage> image(long id) {
        return petitions.image(id);
    }

    @Override
    protected boolean isPublic(long id) {
        return petitions.isPublic(id);
    }
}
