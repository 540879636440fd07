/** The printable certificate (Giấy khen / Bằng khen): A4 landscape, DejaVu Serif embedded for Vietnamese, QR to the verification page. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { CertificateView } from './certificate-queries';
import { CERTIFICATE_KIND, TITLES, type AwardTitleCode } from './titles';

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT = join(fontDir, 'DejaVuSerif.ttf');
const FONT_BOLD = join(fontDir, 'DejaVuSerif-Bold.ttf');
const RED = '#b3261e';

export const verificationUrl = (baseUrl: string, code: string) => `${baseUrl.replace(/\/$/, '')}/xac-minh/${encodeURIComponent(code)}`;

const upper = (s: string) => s.toLocaleUpperCase('vi');
const dateLine = (day: string) =>
  `Cao Bằng, ngày ${day.slice(8, 10)} tháng ${day.slice(5, 7)} năm ${day.slice(0, 4)}`;

export async function certificatePdf(c: CertificateView, baseUrl: string): Promise<Buffer> {
  const url = verificationUrl(baseUrl, c.code);
  const qr = await QRCode.toBuffer(url, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 40,
    info: { Title: `${CERTIFICATE_KIND[c.decidingLevel]} ${c.code}`, Author: 'Thi đua số' } });
  doc.registerFont('serif', FONT);
  doc.registerFont('serif-bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const { width, height } = doc.page;
  doc.lineWidth(3).strokeColor(RED).rect(20, 20, width - 40, height - 40).stroke();
  doc.lineWidth(1).rect(28, 28, width - 56, height - 56).stroke();

  const issuer = c.decidingLevel === 'COMMUNE_CHAIR' ? c.communeName : c.provinceName;
  const box = { width: width - 120 };
  doc.fillColor('black').font('serif-bold').fontSize(13)
    .text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 60, 50, { ...box, align: 'center' })
    .font('serif').fontSize(12).text('Độc lập – Tự do – Hạnh phúc', { ...box, align: 'center' })
    .moveDown(0.8).font('serif-bold').fontSize(13)
    .text(`CHỦ TỊCH ỦY BAN NHÂN DÂN ${upper(issuer)}`, { ...box, align: 'center' });
  doc.moveDown(0.6).fillColor(RED).font('serif-bold').fontSize(40)
    .text(upper(CERTIFICATE_KIND[c.decidingLevel]), { ...box, align: 'center' });
  doc.moveDown(0.3).fillColor('black').font('serif').fontSize(15).text('Tặng', { ...box, align: 'center' })
    .moveDown(0.3).font('serif-bold').fontSize(26).fillColor('#1a3d7c').text(c.nomineeName, { ...box, align: 'center' })
    .moveDown(0.2).fillColor('black').font('serif').fontSize(14).text(c.communeName + ', ' + c.provinceName, { ...box, align: 'center' })
    .moveDown(0.6).fontSize(15)
    .text(`Đã đạt danh hiệu “${TITLES[c.title as AwardTitleCode].label}” năm ${c.year}`, { ...box, align: 'center' })
    .moveDown(0.2).fontSize(12)
    .text(`trong phong trào “Bình dân học vụ số” (Quyết định số ${c.decisionNumber} ngày ${c.decidedOn.slice(8, 10)}/${c.decidedOn.slice(5, 7)}/${c.decidedOn.slice(0, 4)}).`,
      { ...box, align: 'center' });

  const signX = width / 2 + 40;
  doc.font('serif').fontSize(12).text(dateLine(c.decidedOn), signX, height - 185, { width: width / 2 - 100, align: 'center' })
    .font('serif-bold').text('CHỦ TỊCH', { width: width / 2 - 100, align: 'center' })
    .moveDown(2.5).text(c.signer, { width: width / 2 - 100, align: 'center' });

  doc.image(qr, 60, height - 190, { width: 100 });
  doc.font('serif').fontSize(9).fillColor('#333')
    .text(`Mã xác minh: ${c.code}`, 170, height - 160, { lineBreak: false })
    .text(url, 170, height - 146, { lineBreak: false });
  doc.end();
  return done;
}
