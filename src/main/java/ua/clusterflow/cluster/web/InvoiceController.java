package ua.clusterflow.cluster.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.Invoices;
import ua.clusterflow.cluster.MemberOrganisationRepository;

/** An invoice's PDF, for the cluster's coordinators and the people of the organisation it was issued to. */
@Controller
public class InvoiceController {

    private final Invoices invoices;
    private final MemberOrganisationRepository organisations;

    public InvoiceController(Invoices invoices, MemberOrganisationRepository organisations) {
        this.invoices = invoices;
        this.organisations = organisations;
    }

    @GetMapping("/invoices/{id}")
    public ResponseEntity<byte[]> download(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        Invoices.Invoice invoice = invoices.find(id)
                .filter(i -> user.has(i.clusterId(), Role.COORDINATOR) || i.organisationId() != null
                        && organisations.idsWithPerson(user.id()).contains(i.organisationId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(invoice.fileName()).build().toString())
                .contentType(MediaType.APPLICATION_PDF)
                .body(invoices.pdf(id));
    }
}
