/**
 * The awards pages in real Chromium: Bảng vàng, certificate verification, public posting with a comment, the committee sheet,
 * the committee's earlier years.
 */
import { describe, expect, it } from 'vitest';
import { chromiumMissing, CHROMIUM, DESKTOP, PHONE, screenshotDir, useBrowserSession } from '../support/browser';
import { todayInVietnam } from '../../server/dates';
import { E2E_AWARDEES, E2E_COMMITTEE, E2E_REVOKED_CODE, E2E_VALID_CODE } from '../support/e2e-awards';

if (chromiumMissing) console.warn(`Bỏ qua kiểm thử trình duyệt: không có Chromium tại ${CHROMIUM} (apt-get install chromium).`);

describe.skipIf(chromiumMissing)('awards pages in Chromium', () => {
  const session = useBrowserSession();
  const { open } = session;

  it('the honour roll shows the masked awardee, whose certificate link says it is valid', async () => {
    const page = await open('/bang-vang?nam=2025');
    const item = page.locator(`[data-testid="honour-roll"] li[data-code="${E2E_VALID_CODE}"]`);
    await item.waitFor();
    const text = await item.innerText();
    // "Nông Thị Hoa" as the API masks it; the full name never reaches the page.
    expect(text).toContain('Nông T. H.');
    expect(text).toContain('Xã Thử Nghiệm');
    expect(text).toContain('125/QĐ-UBND ngày 15/11/2025');
    expect(await page.locator('main').innerText()).not.toContain('Nông Thị Hoa');
    // A revoked certificate is off the roll.
    expect(await page.locator(`li[data-code="${E2E_REVOKED_CODE}"]`).count()).toBe(0);
    await page.screenshot({ path: `${screenshotDir}honour-roll-desktop.png`, fullPage: true });

    await item.getByRole('link', { name: /Xác minh giấy khen/ }).click();
    await page.waitForURL(new RegExp(`/xac-minh/${E2E_VALID_CODE}$`));
    const verdict = page.getByTestId('verification');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-status')).toBe('VALID');
    expect(await verdict.innerText()).toContain('Giấy khen hợp lệ');
    expect(await verdict.innerText()).toContain('Nông T. H.');
    await page.screenshot({ path: `${screenshotDir}verify-valid-desktop.png`, fullPage: true });
    await page.close();
  });

  it('the verification page tells a revoked certificate and an unknown code apart', async () => {
    const revoked = await open(`/xac-minh/${E2E_REVOKED_CODE}`, PHONE);
    await revoked.getByTestId('verification').waitFor();
    const revokedText = await revoked.getByTestId('verification').innerText();
    expect(revokedText).toContain('Giấy khen đã bị thu hồi');
    expect(revokedText).toContain('Thu hồi ngày 10/02/2026');
    expect(revokedText).toContain('Hồ sơ kê khai không đúng sự thật');
    await revoked.screenshot({ path: `${screenshotDir}verify-revoked-phone.png`, fullPage: true });
    await revoked.close();

    const unknown = await open('/xac-minh/2025-KHONGCO9', PHONE);
    await unknown.getByTestId('verification').waitFor();
    expect(await unknown.getByTestId('verification').getAttribute('data-status')).toBe('UNKNOWN');
    expect(await unknown.getByTestId('verification').innerText()).toContain('Không tìm thấy giấy khen');
    await unknown.screenshot({ path: `${screenshotDir}verify-unknown-phone.png`, fullPage: true });
    await unknown.close();
  });

  it('a citizen reads the posted list and comments; a too-short comment is refused with a reason', async () => {
    const page = await open('/niem-yet', PHONE);
    const item = page.locator('[data-testid="posting-cycle"] li').first();
    await item.waitFor();
    expect(await item.innerText()).toContain('Hoàng T. M.');
    expect(await item.innerText()).toMatch(/đến hết ngày \d{2}\/\d{2}\/\d{4}/);
    await page.screenshot({ path: `${screenshotDir}posting-phone.png`, fullPage: true });

    const box = item.getByRole('textbox');
    await box.fill('Tốt');
    await item.getByRole('button', { name: 'Gửi ý kiến' }).click();
    expect(await item.getByRole('alert').innerText()).toContain('ít nhất 5 ký tự');

    await box.fill('Chị Mai hướng dẫn cả xóm cài VNeID, tôi đồng ý khen thưởng.');
    await item.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await item.getByText('Cảm ơn bạn đã góp ý').waitFor();
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: `${screenshotDir}posting-desktop.png`, fullPage: true });
    await page.close();
  });

  it('a committee member reads the evidence, scores, votes and submits; the sheet then locks', async () => {
    const { context } = await session.signIn(E2E_COMMITTEE, PHONE);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${session.server.baseUrl}/hoi-dong`);
    await page.getByLabel('Đợt xét').selectOption({ label: `Gia đình học tập số năm ${todayInVietnam().slice(0, 4)}` });
    const card = page.locator('article.nomination').filter({ hasText: 'Đinh Văn Sơn' });
    await card.waitFor();
    expect(await card.innerText()).toContain('Biên bản họp xóm');
    expect(await card.innerText()).toContain('Chưa có dữ liệu');
    // Evidence in words and dd/mm/yyyy, never the server's field names or ISO dates.
    const evidence = await card.locator('.checks').innerText();
    expect(evidence).not.toMatch(/\b(passedOn|lastOn|windowFrom|startsOn|asOf|records)\b|\d{4}-\d{2}-\d{2}/);
    expect(evidence).toMatch(/\d{2}\/\d{2}\/\d{4}/);

    await card.getByRole('button', { name: 'Nộp phiếu (khóa)' }).click();
    expect(await card.getByRole('alert').innerText()).toContain('Hãy chọn Đồng ý');
    await card.getByLabel(/Mức độ lan tỏa/).fill('8');
    await card.getByLabel(/Minh chứng rõ ràng/).fill('7,5');
    await card.getByLabel('Đồng ý khen thưởng').check();
    await card.getByRole('button', { name: 'Nộp phiếu (khóa)' }).click();
    await card.getByText('Đã nộp phiếu. Phiếu đã khóa.').waitFor();
    expect(await card.getByRole('button', { name: 'Lưu nháp' }).isDisabled()).toBe(true);
    await page.screenshot({ path: `${screenshotDir}committee-phone.png`, fullPage: true });

    // After a reload the sheet on file comes back: the scores and vote submitted, locked.
    await page.reload();
    await card.waitFor();
    await card.getByText('Phiếu của bạn đã nộp và đã khóa.').waitFor();
    expect(await card.getByLabel(/Mức độ lan tỏa/).inputValue()).toBe('8');
    expect(await card.getByLabel(/Minh chứng rõ ràng/).inputValue()).toBe('7,5');
    expect(await card.getByLabel('Đồng ý khen thưởng').isChecked()).toBe(true);
    expect(await card.getByLabel(/Mức độ lan tỏa/).isDisabled()).toBe(true);
    expect(await card.getByRole('button', { name: 'Nộp phiếu (khóa)' }).isDisabled()).toBe(true);
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: `${screenshotDir}committee-desktop.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
  it("a committee member switches to an earlier year: that year's cycles are listed (the year kept in the URL) and the closed cycle's sheet is read-only", async () => {
    const { context } = await session.signIn(E2E_COMMITTEE, { width: 1280, height: 900 });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${session.server.baseUrl}/hoi-dong`);
    const current = todayInVietnam().slice(0, 4);
    const year = page.getByLabel('Năm', { exact: true });
    const cycleNames = () => page.getByLabel('Đợt xét').locator('option').allInnerTexts();
    await year.waitFor();
    // From the first cycle's year (2025) to this year, this year first and chosen.
    expect(await year.locator('option').allInnerTexts()).toEqual([...new Set([current, '2025'])]);
    expect(await year.inputValue()).toBe(current);
    await expect.poll(cycleNames).toEqual([`Công dân số điển hình năm ${current}`, `Gia đình học tập số năm ${current}`, `Gia đình số tiêu biểu năm ${current}`]);

    await year.selectOption('2025');
    await page.waitForURL(/\/hoi-dong\?nam=2025$/);
    await expect.poll(cycleNames).toEqual(['Công dân số điển hình năm 2025', 'Gia đình học tập số năm 2025', 'Gia đình số tiêu biểu năm 2025']);
    expect(await page.getByLabel('Đợt xét').inputValue()).not.toBe('');
    // The 2025 cycle is over: the draft sheet left on file is shown, but nothing can be scored, voted or declared any more.
    const open = page.locator('article.nomination').filter({ hasText: E2E_AWARDEES.leftOpen });
    await open.waitFor();
    expect(await open.innerText()).toContain('Đợt xét đã kết thúc ngày 20/11/2025');
    expect(await open.getByLabel(/Kỹ năng số/).inputValue()).toBe('7');
    expect(await open.getByLabel(/Lan tỏa phong trào/).inputValue()).toBe('6,5');
    expect(await open.getByLabel('Đồng ý khen thưởng').isChecked()).toBe(true);
    expect(await open.getByLabel(/Kỹ năng số/).isDisabled()).toBe(true);
    expect(await open.getByRole('button', { name: 'Lưu nháp' }).isDisabled()).toBe(true);
    expect(await open.getByRole('button', { name: 'Nộp phiếu (khóa)' }).isDisabled()).toBe(true);
    expect(await open.getByText('Khai báo xung đột lợi ích').count()).toBe(0);
    const posted = page.locator('article.nomination').filter({ hasText: E2E_AWARDEES.toDecide });
    expect(await posted.innerText()).toContain('Đang niêm yết công khai');
    await page.screenshot({ path: `${screenshotDir}committee-2025-1280.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: `${screenshotDir}committee-2025-390.png`, fullPage: true });

    // A reload keeps the year; going back to this year drops it from the URL.
    await page.reload();
    await open.waitFor();
    expect(await year.inputValue()).toBe('2025');
    await year.selectOption(current);
    await page.waitForURL(/\/hoi-dong$/);
    await expect.poll(cycleNames).toContain(`Gia đình học tập số năm ${current}`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
