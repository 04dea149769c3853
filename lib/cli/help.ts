/**
 * The CLI's help texts, kept apart from the code that parses and runs commands so that what the user
 * reads can be reviewed in one place. Every line fits in 100 columns.
 */

/** `ecb-lens --help`. */
export const MAIN_HELP = `Usage: npm run cli -- <command> [options]

Encrypts a PNG's pixels with AES-128-ECB, AES-128-CBC, AES-128-CTR or AES-256-GCM and writes the
ciphertext as a picture, so you can see what ECB leaks; decrypts such a picture again; measures the
leak; and shows what a call's packets give away on the wire, whatever the mode.

Commands:
  encrypt --mode ecb|cbc|ctr|gcm [--key HEX] [--iv HEX] [--nonce HEX] [--aad HEX]
          [--layout rgb|rgba|gray] [--bits 1-8] IN.png OUT.png
      writes the ciphertext picture and prints a one-line JSON summary
  decrypt --key HEX IN.png OUT.png
      restores the pixels that were encrypted
  analyze [--layout rgb|rgba|gray] [--bits 1-8] [--key HEX] [--gcm-key HEX]
          [--previous PREV.png] IN.png
      prints one line of JSON with the leak measures of the pixels, their ECB and their GCM
      ciphertext
  attack forge --ciphertext A.png --ciphertext B.png [--ciphertext C.png …] --known A-PLAIN.png
               --target T.png OUT.png
      without the key, forges a GCM picture from pictures sealed under one key and one nonce
  traffic [--pad none|constant|BYTES] [--packets] IN.webm|IN.mp4|IN.mkv|IN.mov
      prints one line of JSON: each track's bytes on the wire under ECB and GCM, and when its
      packet sizes say someone speaks or something moves
  help [encrypt|decrypt|analyze|attack|traffic]
      shows this help or a command's (as does <command> --help)

Exit status:
  0  done
  1  authentication failed: a GCM picture was altered, or its key or AAD is wrong; or the padding
     of a CBC picture does not check: wrong key or altered ciphertext (CBC has no integrity check:
     most alterations go unnoticed and decrypt to altered pixels)
  2  usage error or bad input: unknown command or option, bad value, missing or unreadable file,
     not a PNG, a PNG over 4096 px a side or 16,777,216 pixels, interlaced or corrupt, not an ECB
     Lens ciphertext picture or one with damaged text chunks, or a wrong key for an ECB picture
     (it shows as invalid padding); for traffic, a file that is not media or holds no packets
  3  internal error (a bug: please report it)
Every error is one line on stderr starting with "ecb-lens: ".
`;

/** `ecb-lens encrypt --help`. */
export const ENCRYPT_HELP = `Usage: npm run cli -- encrypt --mode ecb|cbc|ctr|gcm [options] IN.png OUT.png

Encrypts IN.png's pixels and writes OUT.png, a picture whose pixels are the ciphertext bytes: an
8-bit RGB, RGBA (alpha 255) or greyscale PNG, as --layout says. What the picture cannot show goes
into its ecb-lens:* text chunks (mode, layout, bits, size, the CBC or CTR IV, the ECB or CBC
padding, the GCM nonce and tag, the AAD, and for rgba the fourth byte of every pixel), so that
decrypt needs only the key.

Options:
  --mode ecb|cbc|ctr|gcm  ecb: AES-128-ECB with PKCS#7 padding; cbc: AES-128-CBC with PKCS#7
                          padding; ctr: AES-128-CTR, no padding; gcm: AES-256-GCM (required).
                          cbc and ctr hide the picture but have no integrity check: an altered
                          picture decrypts to altered pixels
  --key HEX               16 bytes (32 hex digits) for ecb, cbc and ctr, 32 bytes (64 hex digits)
                          for gcm; random from the system CSPRNG when omitted
  --iv HEX                cbc and ctr only: 16 bytes (32 hex digits), cbc's IV or ctr's initial
                          counter block (counted up as one 128-bit number); random when omitted.
                          Never encrypt twice with the same ctr key and IV
  --nonce HEX             gcm only: 12 bytes (24 hex digits), random when omitted; never encrypt
                          twice with the same key and nonce
  --aad HEX               gcm only: additional authenticated data, stored in the picture
  --layout rgb|rgba|gray  what is encrypted per pixel: R,G,B (3 bytes), R,G,B,A (4) or BT.601
                          luma (1); default rgb
  --bits 1-8              colour depth: keep the top N bits of every byte before encrypting;
                          default 8. Fewer bits make more blocks equal, and ECB's leak stronger
  -h, --help              show this help

Input: a PNG of any colour type, at most 4096 px a side and 16,777,216 pixels, not interlaced.

Prints one line of JSON to stdout with:
  mode, key (hex), nonce (hex for gcm, otherwise null), iv (hex for cbc and ctr, otherwise null),
  width, height, layout, bits,
  plaintextBytes   bytes encrypted: width x height x bytes per pixel
  ciphertextBytes  ecb and cbc: plaintext and PKCS#7 padding; ctr: as many as plaintextBytes;
                   gcm: plaintext and the 16-byte tag
  blocks           whole 16-byte ciphertext blocks counted (the GCM tag is left out)
  duplicateBlocks  how many of those blocks have a value that occurs more than once among them:
                   many for ECB over flat areas (the leak), essentially none for CBC, CTR and GCM

Example: npm run cli -- encrypt --mode ecb --layout rgb --bits 3 tux.png tux-ecb.png
`;

/** `ecb-lens decrypt --help`. */
export const DECRYPT_HELP = `Usage: npm run cli -- decrypt --key HEX IN.png OUT.png

Decrypts a ciphertext picture written by encrypt and writes exactly the pixels that were encrypted
(after colour-depth reduction) as an 8-bit PNG: RGB for layout rgb, RGBA for rgba, greyscale for
gray. Mode, layout, IV, nonce, tag and AAD come from IN.png's ecb-lens:* text chunks.

Options:
  --key HEX   the key encrypt printed: 32 hex digits for an ecb, cbc or ctr picture, 64 for gcm
              (required)
  -h, --help  show this help

OUT.png is written only once decryption has succeeded. A GCM picture with a changed pixel, nonce
or tag, or the wrong key, fails authentication: exit 1, "authentication failed", no OUT.png.
CBC has no integrity check, only its padding: a wrong key, or a change to the last two blocks,
usually breaks it: exit 1, "the padding does not check", no OUT.png. Any other change goes
unnoticed: a changed pixel garbles its 16-byte block and flips the same bit in the next one.
CTR checks nothing: a changed bit of the picture flips the same bit of the output, and a wrong key
gives noise; both are written.
A wrong key for an ECB picture usually shows as invalid padding: exit 2, "wrong key or damaged
ciphertext"; about once in 256 the padding looks valid by chance and noise is written instead.
`;

/** `ecb-lens analyze --help`. */
export const ANALYZE_HELP = `Usage: npm run cli -- analyze [options] IN.png

Measures what encryption leaves of IN.png's structure. Three streams of bytes are measured the same
way: the original (IN.png's pixels in --layout at --bits: what encrypt would encrypt), its
AES-128-ECB ciphertext and its AES-256-GCM ciphertext, each over the bytes its picture shows (the
ECB padding and the GCM tag are left out). Nothing is written to disk.

Options:
  --layout rgb|rgba|gray  what is encrypted per pixel, as for encrypt; default rgb
  --bits 1-8              colour depth, as for encrypt; default 8
  --key HEX               the ECB key, 16 bytes (32 hex digits); random when omitted
  --gcm-key HEX           the GCM key, 32 bytes (64 hex digits); random when omitted. Nonces are
                          always fresh: a random 4-byte salt and a frame counter, as in a stream
  --previous PREV.png     the frame before IN.png, of the same size: adds the blocks unchanged
                          since then (PREV.png is encrypted first, under the same keys)
  -h, --help              show this help

Input: PNGs as for encrypt: any colour type, at most 4096 px a side and 16,777,216 pixels.

Prints one line of JSON to stdout with:
  width, height, layout, bits, ecbKey and gcmKey (hex, the keys used), gcmNonce and
  previousGcmNonce (hex; null without --previous)
  reference        what uniform random bytes, ideal ciphertext, score: repeatedShare 0, entropy 8,
                   chiSquareCritical 293.25, correlation 0, unchangedShare 0
  original, ecb, gcm, each with:
    blocks           whole 16-byte blocks measured, the same for all three
    repeatedBlocks   blocks whose value occurs more than once; repeatedShare is their share.
                     ECB keeps the original's exactly; GCM has essentially none
    entropy          Shannon entropy of the bytes in bits per byte: 8 at most, for uniform bytes
    chiSquare        chi-square of the byte histogram against uniform bytes (255 degrees of
                     freedom): below 293.25 passes at 5 % (and uniform bytes fail 5 % of the time)
    correlation      horizontal, vertical, diagonal: Pearson's r of each byte with the same byte
                     of the next pixel to the right, below, below right, all channels pooled;
                     about 0.9 to 0.99 for pictures, about 0 for good ciphertext; null where r is
                     undefined (all bytes equal, as in a picture of one grey). Over 160,000 pixels,
                     a grid of pixels is sampled
    unchangedBlocks  with --previous: blocks identical to PREV.png's at the same position, and
    unchangedShare   their share; null without --previous. ECB's equal the original's, GCM's are 0

Example: npm run cli -- analyze --bits 3 --previous frame1.png frame2.png
`;

/** `ecb-lens attack --help`. */
export const ATTACK_HELP = `Usage: npm run cli -- attack forge --ciphertext A.png --ciphertext B.png [--ciphertext C.png …]
                                  --known A-PLAIN.png --target T.png OUT.png

Joux's forbidden attack on AES-256-GCM. A.png, B.png (C.png …) are pictures that encrypt --mode gcm
wrote under one key and one nonce: a nonce used twice gives away GCM's hash key H, a root of a
polynomial made from two pictures' ciphertexts and tags. Further pictures pick H among the roots.
A-PLAIN.png is the plaintext picture of A.png, whose ciphertext then gives away the keystream.
OUT.png is T.png's pixels sealed under the same nonce with a tag that decrypt --key K (and OpenSSL)
accept: a picture the key holder never made. No key is given and none is printed, not even H.

Prints one line of JSON: the pictures' size, layout and nonce, the polynomial's degree, how many
roots it has (candidates), how many the further pictures left (remaining), which one was used and
why (chosenBy), and the seconds taken.

Limit: the polynomial's degree is the number of 16-byte blocks GHASH reads (the picture's bytes
and AAD, and one lengths block), and the work grows with its square: up to degree 1024 is taken
(about 20 s on a 2-core machine; a 12×12 rgb picture is degree 28, a fraction of a second).

Exit status 2, with one line on stderr, for: fewer than two --ciphertext pictures; a picture that is
not GCM; pictures under different nonces, or of different sizes, layouts or colour depths; a
--known or --target picture of another size; a polynomial over the limit; pictures that give no
candidate for H (not sealed under one key).
`;

/** `ecb-lens traffic --help`. */
export const TRAFFIC_HELP = `Usage: npm run cli -- traffic [--pad none|constant|BYTES] [--packets] IN.webm|IN.mp4|IN.mkv|IN.mov

What a recorded call would put on the wire. Each encoded frame of IN is taken as one packet, as RTP
carries them; encryption hides what a packet says but not its size or time. Prints, per audio and
video track, the bytes under AES-128-ECB and AES-256-GCM, and what the GCM sizes and times alone
give away: when someone speaks (audio) and when something moves (video). Nothing is decrypted or
decoded, and nothing is written to disk.

Options:
  --pad none|constant|BYTES  pad every payload before encryption: none (the default); constant, to
                             its track's largest packet (then sizes say nothing, at a price); BYTES,
                             up to the next multiple of BYTES (1 to 65536; a payload that is one
                             already stays, an empty one takes one BYTES)
  --packets                  add every packet's time and sizes (see wire below)
  -h, --help                 show this help

Input: a WebM, Matroska, MP4 or MOV file (Ogg and others mediabunny reads work too).

Prints one line of JSON to stdout with:
  duration         the file's length in seconds
  tracks           one entry per audio or video track, in the file's order:
    kind, codec    "audio" or "video"; the codec as mediabunny names it ("unknown" if it cannot)
    packets        packets in the track; bytes: their payload bytes, as the file holds them
    ecbBytes       the sum of 16 x (floor(n / 16) + 1) over payloads of n bytes (after padding):
                   PKCS#7 always adds 1 to 16 bytes
    gcmBytes       the sum of n + 16 (the tag) over payloads of n bytes (after padding)
    activity       [[start, end], ...] in seconds: when the GCM sizes (after padding) say someone
                   speaks (audio) or something moves (video); keyframes are left out of video's
    changes        times of packets far bigger than everything within 1 s: a cut, a slide change
    padding        with --pad constant or BYTES: {kind, size or bytes, paddedBytes, overhead},
                   overhead the share padding adds to the payload (0.42 is 42 % more)
    wire           with --packets: [[time, bytes, ecbBytes, gcmBytes], ...] in the file's order,
                   bytes before padding, ecbBytes and gcmBytes after
  padding          with --pad constant or BYTES: {policy, bytes, paddedBytes, overhead} for the file

Example: npm run cli -- traffic --pad constant public/samples/meeting.webm
`;
