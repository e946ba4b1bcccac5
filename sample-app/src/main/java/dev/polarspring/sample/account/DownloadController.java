package dev.polarspring.sample.account;

import jakarta.servlet.http.HttpSession;

import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

import dev.polarspring.boot.billing.PolarEntitlements;
import dev.polarspring.sample.store.Shopper;

/**
 * {@code POST /downloads/starter-kit}: the kit, for shoppers its benefit is granted to,
 * each download metered. A POST, so that no prefetch or crawler counts one.
 */
@Controller
class DownloadController {

	private final PolarEntitlements entitlements;

	private final Downloads downloads;

	DownloadController(PolarEntitlements entitlements, Downloads downloads) {
		this.entitlements = entitlements;
		this.downloads = downloads;
	}

	@PostMapping("/downloads/starter-kit")
	ResponseEntity<?> download(HttpSession session) {
		String shopperId = Shopper.id(session);
		if (!this.downloads.allowed(this.entitlements.of(shopperId))) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.contentType(MediaType.TEXT_PLAIN)
				.body("The Starter Kit downloads come with the Starter Kit: buy it first.\n");
		}
		Resource file = this.downloads.download(shopperId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/markdown;charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(Downloads.FILE_NAME).build().toString())
			.body(file);
	}

}
