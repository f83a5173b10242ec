/**
 * The demo's offices: communes and wards of Hà Nội and two neighbouring provinces (names after the
 * July 2025 reorganisation), so the board and the reports have places to group by. Beyond the list,
 * offices are numbered.
 */
export interface DemoOffice {
  id: string;
  name: string;
  province: string;
  commune: string;
}

const PLACES: Array<[id: string, commune: string, province: string]> = [
  ['quoc-oai', 'Xã Quốc Oai', 'Hà Nội'],
  ['dong-anh', 'Xã Đông Anh', 'Hà Nội'],
  ['gia-lam', 'Xã Gia Lâm', 'Hà Nội'],
  ['soc-son', 'Xã Sóc Sơn', 'Hà Nội'],
  ['thach-that', 'Xã Thạch Thất', 'Hà Nội'],
  ['hoan-kiem', 'Phường Hoàn Kiếm', 'Hà Nội'],
  ['cau-giay', 'Phường Cầu Giấy', 'Hà Nội'],
  ['long-bien', 'Phường Long Biên', 'Hà Nội'],
  ['ha-dong', 'Phường Hà Đông', 'Hà Nội'],
  ['ha-long', 'Phường Hạ Long', 'Quảng Ninh'],
  ['cam-pha', 'Phường Cẩm Phả', 'Quảng Ninh'],
  ['kinh-bac', 'Phường Kinh Bắc', 'Bắc Ninh'],
  ['tu-son', 'Phường Từ Sơn', 'Bắc Ninh'],
  ['ba-vi', 'Xã Ba Vì', 'Hà Nội'],
];

export function demoOffices(n: number): DemoOffice[] {
  return Array.from({ length: n }, (_, i) => {
    const place = PLACES[i];
    if (place) {
      const [id, commune, province] = place;
      return { id, name: `Trung tâm Phục vụ hành chính công ${commune}`, province, commune };
    }
    return {
      id: `van-phong-${i + 1}`,
      name: `Văn phòng số ${i + 1}`,
      province: 'Hà Nội',
      commune: `Văn phòng số ${i + 1}`,
    };
  });
}

/** The office's token in the demo: fixed, so a restarted demo's hubs and city still know each other. */
export const demoToken = (id: string) => `demo-city-${id}-office-token`;
