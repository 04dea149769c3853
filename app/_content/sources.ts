/** The published sources the site's factual claims rest on; every claim about Zoom links one of these. */
export const SOURCES = {
  citizenLab: {
    title: 'Move Fast and Roll Your Own Crypto: A Quick Look at the Confidentiality of Zoom Meetings',
    publisher: 'The Citizen Lab (Bill Marczak, John Scott-Railton)',
    date: '3 April 2020',
    url: 'https://citizenlab.ca/2020/04/move-fast-roll-your-own-crypto-a-quick-look-at-the-confidentiality-of-zoom-meetings/',
  },
  zoomApril22: {
    title: '90-Day Security Plan Progress Report: April 22 (Zoom 5.0 with AES 256-bit GCM)',
    publisher: 'Zoom blog',
    date: '22 April 2020',
    url: 'https://blog.zoom.us/90-day-security-plan-progress-report-april-22/',
  },
  zoomMay27: {
    title:
      '90-Day Security Plan Progress Report: May 27 (update to Zoom 5.0 before GCM is switched on for every account on May 30)',
    publisher: 'Zoom blog',
    date: '27 May 2020',
    url: 'https://blog.zoom.us/90-day-security-plan-progress-report-may-27/',
  },
  zoomEncryptionFacts: {
    title: 'The Facts Around Zoom and Encryption for Meetings/Webinars',
    publisher: 'Zoom blog (Oded Gal)',
    date: '1 April 2020',
    url: 'https://blog.zoom.us/wordpress/2020/04/01/facts-around-zoom-encryption-for-meetings-webinars/',
  },
  zoomMessage: {
    title: 'A Message to Our Users',
    publisher: 'Zoom blog (Eric S. Yuan)',
    date: '1 April 2020',
    url: 'https://blog.zoom.us/a-message-to-our-users/',
  },
  bbcApril2020: {
    title: 'Zoom ‘unsuitable’ for government secrets, researchers say',
    publisher: 'BBC News',
    date: 'April 2020',
    url: 'https://www.bbc.co.uk/news/technology-52152025',
  },
  zoomE2ee: {
    title: 'E2E Encryption for Zoom Meetings (cryptographic design whitepaper)',
    publisher: 'Zoom, on GitHub',
    date: 'first draft 22 May 2020',
    url: 'https://github.com/zoom/zoom-e2e-whitepaper',
  },
  zoomJuly1: {
    title: 'Webinar Recap – 90-Day Security Plan Progress Report: July 1st (GCM enablement occurred on May 30)',
    publisher: 'Zoom blog',
    date: 'July 2020 (recap of the 1 July 2020 webinar)',
    url: 'https://blog.zoom.us/webinar-recap-90-day-security-plan-progress-report-july-1st/',
  },
  guardianFbi: {
    title: 'Zoom to exclude free calls from end-to-end encryption to allow FBI cooperation',
    publisher: 'The Guardian',
    date: '3 June 2020',
    url: 'https://www.theguardian.com/technology/2020/jun/03/zoom-privacy-law-enforcement-technology-yuan',
  },
  zoomE2eeUpdate: {
    title: 'End-to-End Encryption Update (end-to-end encryption for free and paid users)',
    publisher: 'Zoom blog (Eric S. Yuan)',
    date: '17 June 2020',
    url: 'https://blog.zoom.us/end-to-end-encryption-update/',
  },
  zoomE2eePreview: {
    title: 'Zoom Rolling Out End-to-End Encryption Offering (a technical preview from the following week)',
    publisher: 'Zoom blog (Max Krohn)',
    date: '14 October 2020',
    url: 'https://www.zoom.com/en/blog/zoom-rolling-out-end-to-end-encryption-offering/',
  },
  zoomWhitepaper: {
    title:
      'Zoom Cryptography Whitepaper, version 4.6 (§7.2 Enhanced Encryption: per-stream AES-256-GCM keys since client 5.0; §7.6.6 Key Rotation)',
    publisher: 'Zoom Video Communications, with Matthew Green, Lea Kissner and Alex Stamos',
    date: '23 December 2024',
    url: 'https://github.com/zoom/zoom-e2e-whitepaper/blob/master/archive/zoom_e2e_v4_6.pdf',
  },
  sp80038a: {
    title: 'NIST SP 800-38A: Recommendation for Block Cipher Modes of Operation',
    publisher: 'NIST',
    date: 'December 2001',
    url: 'https://csrc.nist.gov/pubs/sp/800/38/a/final',
  },
  sp80038d: {
    title: 'NIST SP 800-38D: Recommendation for Block Cipher Modes of Operation: GCM and GMAC',
    publisher: 'NIST',
    date: 'November 2007',
    url: 'https://csrc.nist.gov/pubs/sp/800/38/d/final',
  },
  joux2006: {
    title: 'Authentication Failures in NIST version of GCM (public comment on the draft of SP 800-38D)',
    publisher: 'Antoine Joux',
    date: '2006',
    url: 'https://csrc.nist.gov/csrc/media/projects/block-cipher-techniques/documents/bcm/comments/800-38-series-drafts/gcm/joux_comments.pdf',
  },
  rfc3711: {
    title: 'RFC 3711: The Secure Real-time Transport Protocol (SRTP), §3.3.2 Replay Protection',
    publisher: 'IETF',
    date: 'March 2004',
    url: 'https://www.rfc-editor.org/rfc/rfc3711#section-3.3.2',
  },
  wright2008: {
    title: 'Spot me if you can: Uncovering spoken phrases in encrypted VoIP conversations',
    publisher: 'Wright, Ballard, Coull, Monrose and Masson, IEEE Symposium on Security and Privacy',
    date: '2008',
    url: 'https://www.cs.unc.edu/~fabian/papers/oakland08.pdf',
  },
  white2011: {
    title: 'Phonotactic Reconstruction of Encrypted VoIP Conversations: Hookt on fon-iks',
    publisher: 'White, Matthews, Snow and Monrose, IEEE Symposium on Security and Privacy',
    date: 'May 2011',
    url: 'https://www.cs.unc.edu/~fabian/papers/foniks-oak11.pdf',
  },
  rfc6562: {
    title: 'RFC 6562: Guidelines for the Use of Variable Bit Rate Audio with Secure RTP',
    publisher: 'IETF (C. Perkins, J.-M. Valin)',
    date: 'March 2012',
    url: 'https://www.rfc-editor.org/rfc/rfc6562',
  },
} as const;

export type SourceId = keyof typeof SOURCES;
