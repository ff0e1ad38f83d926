/**
 * Building blocks of the demonstration procedure catalog: fields, legal documents and a builder
 * that derives the repetitive parts of a procedure (online scope, methods, default steps and the
 * internal process) from a short specification, so each data file lists only what differs.
 */
import type {
  DemoDocument,
  DemoFee,
  DemoLegalBasis,
  DemoLevel,
  DemoProcedure,
  DemoProcessStep,
  DemoTimeUnit,
} from './demo-procedures.data.js';

/** Lĩnh vực: short stable code → name as in the national database. */
export const FIELDS = {
  HOTICH: 'Hộ tịch',
  CHUNGTHUC: 'Chứng thực',
  LYLICHTUPHAP: 'Lý lịch tư pháp',
  LUATSU: 'Luật sư',
  CONGCHUNG: 'Công chứng',
  QUOCTICH: 'Quốc tịch',
  DATDAI: 'Đất đai',
  DANGKYBIENPHAPBAODAM: 'Đăng ký biện pháp bảo đảm',
  XAYDUNG: 'Hoạt động xây dựng',
  KINHDOANHBDS: 'Kinh doanh bất động sản',
  DOANHNGHIEP: 'Thành lập và hoạt động doanh nghiệp',
  HOKINHDOANH: 'Thành lập và hoạt động của hộ kinh doanh',
  HOPTACXA: 'Thành lập và hoạt động của hợp tác xã',
  DAUTU: 'Đầu tư tại Việt Nam',
  VIECLAM: 'Việc làm',
  LAODONG: 'Lao động',
  ATVSLD: 'An toàn, vệ sinh lao động',
  GIAODUCNGHENGHIEP: 'Giáo dục nghề nghiệp',
  BAOTROXAHOI: 'Bảo trợ xã hội',
  NGUOICOCONG: 'Người có công',
  GIAODUC: 'Giáo dục và Đào tạo',
  KHAMCHUABENH: 'Khám bệnh, chữa bệnh',
  DUOC: 'Dược phẩm',
  MYPHAM: 'Mỹ phẩm',
  ATTP: 'An toàn thực phẩm và dinh dưỡng',
  DUONGBO: 'Đường bộ',
  LUUTHONGHANGHOA: 'Lưu thông hàng hóa trong nước',
  XUCTIENTHUONGMAI: 'Xúc tiến thương mại',
  ATTPCONGTHUONG: 'An toàn thực phẩm',
  KINHDOANHKHI: 'Kinh doanh khí',
  MOITRUONG: 'Môi trường',
  TAINGUYENNUOC: 'Tài nguyên nước',
  VANHOA: 'Văn hóa cơ sở',
  NGHETHUATBIEUDIEN: 'Nghệ thuật biểu diễn',
  LUHANH: 'Lữ hành',
  THETHAO: 'Thể dục thể thao',
  QUANGCAO: 'Quảng cáo',
  THIDUAKHENTHUONG: 'Thi đua - Khen thưởng',
  TONGIAO: 'Tín ngưỡng, tôn giáo',
  TOCHUCPHICHINHPHU: 'Tổ chức phi chính phủ',
  VANTHULUUTRU: 'Văn thư và Lưu trữ nhà nước',
  THUY: 'Thú y',
  BAOVETHUCVAT: 'Trồng trọt và Bảo vệ thực vật',
  CHANNUOI: 'Chăn nuôi',
  THUYLOI: 'Thủy lợi',
  PHONGCHONGTHIENTAI: 'Phòng, chống thiên tai',
  NONGNGHIEP: 'Nông nghiệp',
  QUANLYCHATLUONGNLTS: 'Quản lý chất lượng nông lâm sản và thủy sản',
  BAOCHI: 'Báo chí',
  XUATBAN: 'Xuất bản, In và Phát hành',
  PHATTHANHTRUYENHINH: 'Phát thanh, truyền hình và thông tin điện tử',
  HOATDONGKHCN: 'Hoạt động khoa học và công nghệ',
  NANGLUONGNGUYENTU: 'Năng lượng nguyên tử, an toàn bức xạ và hạt nhân',
  TIEUCHUANDOLUONG: 'Tiêu chuẩn, đo lường, chất lượng',
  NGANSACH: 'Quản lý ngân sách nhà nước',
  QUANLYGIA: 'Quản lý giá',
} as const;

export type FieldCode = keyof typeof FIELDS;

function law(number: string, title: string, issuedOn: string): DemoLegalBasis {
  return { number, title, issuedOn };
}

/** Legal documents cited by several procedures (number, short title, date of issue). */
export const LAW = {
  // Cross-cutting: one-stop mechanism, online procedures, postal service.
  ND_61_2018: law('61/2018/NĐ-CP', 'Nghị định về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính', '2018-04-23'),
  ND_107_2021: law('107/2021/NĐ-CP', 'Nghị định sửa đổi, bổ sung một số điều của Nghị định số 61/2018/NĐ-CP', '2021-08-06'),
  ND_45_2020: law('45/2020/NĐ-CP', 'Nghị định về thực hiện thủ tục hành chính trên môi trường điện tử', '2020-04-08'),
  QD_45_2016: law('45/2016/QĐ-TTg', 'Quyết định về việc tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính qua dịch vụ bưu chính công ích', '2016-10-19'),
  TT_85_2019_BTC: law('85/2019/TT-BTC', 'Thông tư hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, thành phố trực thuộc Trung ương', '2019-11-29'),

  // Hộ tịch, chứng thực, tư pháp.
  LUAT_HO_TICH: law('60/2014/QH13', 'Luật Hộ tịch', '2014-11-20'),
  ND_123_2015: law('123/2015/NĐ-CP', 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch', '2015-11-15'),
  ND_87_2020: law('87/2020/NĐ-CP', 'Nghị định quy định về Cơ sở dữ liệu hộ tịch điện tử, đăng ký hộ tịch trực tuyến', '2020-07-28'),
  TT_04_2020_BTP: law('04/2020/TT-BTP', 'Thông tư quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP', '2020-05-28'),
  TT_281_2016_BTC: law('281/2016/TT-BTC', 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí khai thác, sử dụng thông tin trong cơ sở dữ liệu hộ tịch, phí xác nhận có quốc tịch Việt Nam, phí xác nhận là người gốc Việt Nam, lệ phí quốc tịch', '2016-11-14'),
  ND_63_2024: law('63/2024/NĐ-CP', 'Nghị định quy định thực hiện liên thông điện tử 02 nhóm thủ tục hành chính: Đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi; Đăng ký khai tử, xóa đăng ký thường trú, giải quyết mai táng phí, tử tuất', '2024-06-10'),
  LUAT_CU_TRU: law('68/2020/QH14', 'Luật Cư trú', '2020-11-13'),
  LUAT_BHYT: law('25/2008/QH12', 'Luật Bảo hiểm y tế', '2008-11-14'),
  LUAT_BHXH: law('58/2014/QH13', 'Luật Bảo hiểm xã hội', '2014-11-20'),
  ND_23_2015: law('23/2015/NĐ-CP', 'Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch', '2015-02-16'),
  TT_01_2020_BTP: law('01/2020/TT-BTP', 'Thông tư quy định chi tiết, hướng dẫn thi hành một số điều của Nghị định số 23/2015/NĐ-CP', '2020-03-03'),
  TT_226_2016_BTC: law('226/2016/TT-BTC', 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực', '2016-11-11'),
  BLDS_2015: law('91/2015/QH13', 'Bộ luật Dân sự', '2015-11-24'),
  LUAT_LLTP: law('28/2009/QH12', 'Luật Lý lịch tư pháp', '2009-06-17'),
  ND_111_2010: law('111/2010/NĐ-CP', 'Nghị định quy định chi tiết một số điều của Luật Lý lịch tư pháp', '2010-11-23'),
  TT_244_2016_BTC: law('244/2016/TT-BTC', 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin lý lịch tư pháp', '2016-11-11'),
  LUAT_LUAT_SU: law('65/2006/QH11', 'Luật Luật sư', '2006-06-29'),
  LUAT_LUAT_SU_SD: law('20/2012/QH13', 'Luật sửa đổi, bổ sung một số điều của Luật Luật sư', '2012-11-20'),
  ND_123_2013: law('123/2013/NĐ-CP', 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Luật sư', '2013-10-14'),
  LUAT_CONG_CHUNG: law('53/2014/QH13', 'Luật Công chứng', '2014-06-20'),
  ND_29_2015: law('29/2015/NĐ-CP', 'Nghị định quy định chi tiết và hướng dẫn thi hành một số điều của Luật Công chứng', '2015-03-15'),
  TT_257_2016_BTC: law('257/2016/TT-BTC', 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí công chứng; phí chứng thực; phí thẩm định tiêu chuẩn, điều kiện hành nghề công chứng; phí thẩm định điều kiện hoạt động Văn phòng công chứng; lệ phí cấp thẻ công chứng viên', '2016-11-11'),
  LUAT_QUOC_TICH: law('24/2008/QH12', 'Luật Quốc tịch Việt Nam', '2008-11-13'),
  ND_16_2020: law('16/2020/NĐ-CP', 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Quốc tịch Việt Nam', '2020-02-03'),

  // Đất đai, môi trường, tài nguyên nước.
  LUAT_DAT_DAI: law('31/2024/QH15', 'Luật Đất đai', '2024-01-18'),
  ND_101_2024: law('101/2024/NĐ-CP', 'Nghị định quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và Hệ thống thông tin đất đai', '2024-07-29'),
  ND_102_2024: law('102/2024/NĐ-CP', 'Nghị định quy định chi tiết thi hành một số điều của Luật Đất đai', '2024-07-30'),
  ND_99_2022: law('99/2022/NĐ-CP', 'Nghị định về đăng ký biện pháp bảo đảm', '2022-11-30'),
  LUAT_BVMT: law('72/2020/QH14', 'Luật Bảo vệ môi trường', '2020-11-17'),
  ND_08_2022: law('08/2022/NĐ-CP', 'Nghị định quy định chi tiết một số điều của Luật Bảo vệ môi trường', '2022-01-10'),
  TT_02_2022_BTNMT: law('02/2022/TT-BTNMT', 'Thông tư quy định chi tiết thi hành một số điều của Luật Bảo vệ môi trường', '2022-01-10'),
  LUAT_TNN: law('28/2023/QH15', 'Luật Tài nguyên nước', '2023-11-27'),
  ND_54_2024: law('54/2024/NĐ-CP', 'Nghị định quy định việc hành nghề khoan nước dưới đất, kê khai, đăng ký, cấp phép, dịch vụ tài nguyên nước và tiền cấp quyền khai thác tài nguyên nước', '2024-05-16'),

  // Xây dựng, nhà ở, bất động sản.
  LUAT_XAY_DUNG: law('50/2014/QH13', 'Luật Xây dựng', '2014-06-18'),
  LUAT_XAY_DUNG_SD: law('62/2020/QH14', 'Luật sửa đổi, bổ sung một số điều của Luật Xây dựng', '2020-06-17'),
  ND_15_2021: law('15/2021/NĐ-CP', 'Nghị định quy định chi tiết một số nội dung về quản lý dự án đầu tư xây dựng', '2021-03-03'),
  TT_38_2022_BTC: law('38/2022/TT-BTC', 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí, lệ phí trong lĩnh vực hoạt động xây dựng', '2022-06-24'),
  LUAT_KD_BDS: law('29/2023/QH15', 'Luật Kinh doanh bất động sản', '2023-11-28'),
  ND_96_2024: law('96/2024/NĐ-CP', 'Nghị định quy định chi tiết một số điều của Luật Kinh doanh bất động sản', '2024-07-24'),

  // Doanh nghiệp, hộ kinh doanh, hợp tác xã, đầu tư, tài chính.
  LUAT_DOANH_NGHIEP: law('59/2020/QH14', 'Luật Doanh nghiệp', '2020-06-17'),
  ND_01_2021: law('01/2021/NĐ-CP', 'Nghị định về đăng ký doanh nghiệp', '2021-01-04'),
  TT_01_2021_BKHDT: law('01/2021/TT-BKHĐT', 'Thông tư hướng dẫn về đăng ký doanh nghiệp', '2021-03-16'),
  TT_47_2019_BTC: law('47/2019/TT-BTC', 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin doanh nghiệp, lệ phí đăng ký doanh nghiệp', '2019-08-05'),
  LUAT_HTX: law('17/2023/QH15', 'Luật Hợp tác xã', '2023-06-20'),
  ND_92_2024: law('92/2024/NĐ-CP', 'Nghị định về đăng ký hợp tác xã, liên hiệp hợp tác xã', '2024-07-18'),
  LUAT_DAU_TU: law('61/2020/QH14', 'Luật Đầu tư', '2020-06-17'),
  ND_31_2021: law('31/2021/NĐ-CP', 'Nghị định quy định chi tiết và hướng dẫn thi hành một số điều của Luật Đầu tư', '2021-03-26'),
  TT_03_2021_BKHDT: law('03/2021/TT-BKHĐT', 'Thông tư quy định mẫu văn bản, báo cáo liên quan đến hoạt động đầu tư tại Việt Nam, đầu tư từ Việt Nam ra nước ngoài và xúc tiến đầu tư', '2021-04-09'),
  TT_185_2015_BTC: law('185/2015/TT-BTC', 'Thông tư hướng dẫn đăng ký, cấp và sử dụng mã số đơn vị có quan hệ với ngân sách', '2015-11-17'),
  LUAT_GIA: law('16/2023/QH15', 'Luật Giá', '2023-06-19'),
  ND_85_2024: law('85/2024/NĐ-CP', 'Nghị định quy định chi tiết một số điều của Luật Giá', '2024-07-10'),

  // Lao động, việc làm, xã hội, người có công.
  BLLD_2019: law('45/2019/QH14', 'Bộ luật Lao động', '2019-11-20'),
  ND_152_2020: law('152/2020/NĐ-CP', 'Nghị định quy định về người lao động nước ngoài làm việc tại Việt Nam và tuyển dụng, quản lý người lao động Việt Nam làm việc cho tổ chức, cá nhân nước ngoài tại Việt Nam', '2020-12-30'),
  ND_70_2023: law('70/2023/NĐ-CP', 'Nghị định sửa đổi, bổ sung một số điều của Nghị định số 152/2020/NĐ-CP', '2023-09-18'),
  ND_145_2020: law('145/2020/NĐ-CP', 'Nghị định quy định chi tiết và hướng dẫn thi hành một số điều của Bộ luật Lao động về điều kiện lao động và quan hệ lao động', '2020-12-14'),
  LUAT_VIEC_LAM: law('38/2013/QH13', 'Luật Việc làm', '2013-11-16'),
  ND_28_2015: law('28/2015/NĐ-CP', 'Nghị định quy định chi tiết thi hành một số điều của Luật Việc làm về bảo hiểm thất nghiệp', '2015-03-12'),
  ND_61_2020: law('61/2020/NĐ-CP', 'Nghị định sửa đổi, bổ sung một số điều của Nghị định số 28/2015/NĐ-CP', '2020-05-29'),
  ND_23_2021: law('23/2021/NĐ-CP', 'Nghị định quy định chi tiết khoản 3 Điều 37 và Điều 39 của Luật Việc làm về trung tâm dịch vụ việc làm, doanh nghiệp hoạt động dịch vụ việc làm', '2021-03-19'),
  LUAT_ATVSLD: law('84/2015/QH13', 'Luật An toàn, vệ sinh lao động', '2015-06-25'),
  ND_44_2016: law('44/2016/NĐ-CP', 'Nghị định quy định chi tiết một số điều của Luật An toàn, vệ sinh lao động về hoạt động kiểm định kỹ thuật an toàn lao động, huấn luyện an toàn, vệ sinh lao động và quan trắc môi trường lao động', '2016-05-15'),
  LUAT_GDNN: law('74/2014/QH13', 'Luật Giáo dục nghề nghiệp', '2014-11-27'),
  ND_143_2016: law('143/2016/NĐ-CP', 'Nghị định quy định điều kiện đầu tư và hoạt động trong lĩnh vực giáo dục nghề nghiệp', '2016-10-14'),
  ND_15_2019: law('15/2019/NĐ-CP', 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Giáo dục nghề nghiệp', '2019-02-01'),
  ND_20_2021: law('20/2021/NĐ-CP', 'Nghị định quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội', '2021-03-15'),
  ND_103_2017: law('103/2017/NĐ-CP', 'Nghị định quy định về thành lập, tổ chức, hoạt động, giải thể và quản lý các cơ sở trợ giúp xã hội', '2017-09-12'),
  LUAT_NKT: law('51/2010/QH12', 'Luật Người khuyết tật', '2010-06-17'),
  ND_28_2012: law('28/2012/NĐ-CP', 'Nghị định quy định chi tiết và hướng dẫn thi hành một số điều của Luật Người khuyết tật', '2012-04-10'),
  TT_01_2019_BLDTBXH: law('01/2019/TT-BLĐTBXH', 'Thông tư quy định về việc xác định mức độ khuyết tật do Hội đồng xác định mức độ khuyết tật thực hiện', '2019-01-02'),
  ND_07_2021: law('07/2021/NĐ-CP', 'Nghị định quy định chuẩn nghèo đa chiều giai đoạn 2021 - 2025', '2021-01-27'),
  QD_24_2021_TTG: law('24/2021/QĐ-TTg', 'Quyết định quy định quy trình rà soát hộ nghèo, hộ cận nghèo hằng năm và quy trình xác định hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp và diêm nghiệp có mức sống trung bình giai đoạn 2022 - 2025', '2021-07-16'),
  PL_UU_DAI_NCC: law('02/2020/UBTVQH14', 'Pháp lệnh Ưu đãi người có công với cách mạng', '2020-12-09'),
  ND_131_2021: law('131/2021/NĐ-CP', 'Nghị định quy định chi tiết và biện pháp thi hành Pháp lệnh Ưu đãi người có công với cách mạng', '2021-12-30'),
  ND_75_2021: law('75/2021/NĐ-CP', 'Nghị định quy định mức hưởng trợ cấp, phụ cấp và các chế độ ưu đãi người có công với cách mạng', '2021-07-24'),

  // Giáo dục, y tế, dược, an toàn thực phẩm.
  LUAT_GIAO_DUC: law('43/2019/QH14', 'Luật Giáo dục', '2019-06-14'),
  ND_46_2017: law('46/2017/NĐ-CP', 'Nghị định quy định về điều kiện đầu tư và hoạt động trong lĩnh vực giáo dục', '2017-04-21'),
  ND_135_2018: law('135/2018/NĐ-CP', 'Nghị định sửa đổi, bổ sung một số điều của Nghị định số 46/2017/NĐ-CP', '2018-10-04'),
  QD_51_2002_BGDDT: law('51/2002/QĐ-BGDĐT', 'Quyết định ban hành Quy định chuyển trường và tiếp nhận học sinh học tại các trường trung học cơ sở và trung học phổ thông', '2002-12-25'),
  TT_50_2021_BGDDT: law('50/2021/TT-BGDĐT', 'Thông tư sửa đổi, bổ sung một số điều của Quy định chuyển trường và tiếp nhận học sinh học tại các trường trung học cơ sở và trung học phổ thông', '2021-12-31'),
  TT_21_2019_BGDDT: law('21/2019/TT-BGDĐT', 'Thông tư ban hành Quy chế quản lý bằng tốt nghiệp trung học cơ sở, bằng tốt nghiệp trung học phổ thông, văn bằng giáo dục đại học và chứng chỉ của hệ thống giáo dục quốc dân', '2019-11-29'),
  TT_15_2020_BGDDT: law('15/2020/TT-BGDĐT', 'Thông tư ban hành Quy chế thi tốt nghiệp trung học phổ thông', '2020-05-26'),
  TT_21_2018_BGDDT: law('21/2018/TT-BGDĐT', 'Thông tư ban hành Quy chế tổ chức và hoạt động của trung tâm ngoại ngữ, tin học', '2018-08-24'),
  LUAT_KCB: law('15/2023/QH15', 'Luật Khám bệnh, chữa bệnh', '2023-01-09'),
  ND_96_2023: law('96/2023/NĐ-CP', 'Nghị định quy định chi tiết một số điều của Luật Khám bệnh, chữa bệnh', '2023-12-30'),
  TT_278_2016_BTC: law('278/2016/TT-BTC', 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí trong lĩnh vực y tế', '2016-11-14'),
  LUAT_DUOC: law('105/2016/QH13', 'Luật Dược', '2016-04-06'),
  ND_54_2017: law('54/2017/NĐ-CP', 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Dược', '2017-05-08'),
  TT_277_2016_BTC: law('277/2016/TT-BTC', 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí trong lĩnh vực dược, mỹ phẩm', '2016-11-14'),
  ND_93_2016: law('93/2016/NĐ-CP', 'Nghị định quy định về điều kiện sản xuất mỹ phẩm', '2016-07-01'),
  TT_06_2011_BYT: law('06/2011/TT-BYT', 'Thông tư quy định về quản lý mỹ phẩm', '2011-01-25'),
  LUAT_ATTP: law('55/2010/QH12', 'Luật An toàn thực phẩm', '2010-06-17'),
  ND_15_2018: law('15/2018/NĐ-CP', 'Nghị định quy định chi tiết thi hành một số điều của Luật An toàn thực phẩm', '2018-02-02'),
  ND_155_2018: law('155/2018/NĐ-CP', 'Nghị định sửa đổi, bổ sung một số quy định liên quan đến điều kiện đầu tư kinh doanh thuộc phạm vi quản lý nhà nước của Bộ Y tế', '2018-11-12'),
  TT_279_2016_BTC: law('279/2016/TT-BTC', 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí trong công tác an toàn vệ sinh thực phẩm', '2016-11-14'),
  TT_75_2020_BTC: law('75/2020/TT-BTC', 'Thông tư sửa đổi, bổ sung một số điều của Thông tư số 279/2016/TT-BTC', '2020-08-12'),
  TT_43_2018_BCT: law('43/2018/TT-BCT', 'Thông tư quy định về quản lý an toàn thực phẩm thuộc trách nhiệm của Bộ Công Thương', '2018-11-15'),
  TT_38_2018_BNNPTNT: law('38/2018/TT-BNNPTNT', 'Thông tư quy định việc thẩm định, chứng nhận cơ sở sản xuất, kinh doanh thực phẩm nông, lâm, thủy sản đủ điều kiện an toàn thực phẩm thuộc phạm vi quản lý của Bộ Nông nghiệp và Phát triển nông thôn', '2018-12-25'),

  // Giao thông vận tải.
  LUAT_GTDB: law('23/2008/QH12', 'Luật Giao thông đường bộ', '2008-11-13'),
  TT_12_2017_BGTVT: law('12/2017/TT-BGTVT', 'Thông tư quy định về đào tạo, sát hạch, cấp giấy phép lái xe cơ giới đường bộ', '2017-04-15'),
  TT_37_2023_BTC: law('37/2023/TT-BTC', 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí sát hạch lái xe; lệ phí cấp bằng, chứng chỉ hoạt động trên các loại phương tiện và lệ phí đăng ký, cấp biển xe máy chuyên dùng', '2023-06-07'),
  ND_10_2020: law('10/2020/NĐ-CP', 'Nghị định quy định về kinh doanh và điều kiện kinh doanh vận tải bằng xe ô tô', '2020-01-17'),
  TT_12_2020_BGTVT: law('12/2020/TT-BGTVT', 'Thông tư quy định về tổ chức, quản lý hoạt động kinh doanh vận tải bằng xe ô tô và dịch vụ hỗ trợ vận tải đường bộ', '2020-05-29'),
  ND_11_2010: law('11/2010/NĐ-CP', 'Nghị định quy định về quản lý và bảo vệ kết cấu hạ tầng giao thông đường bộ', '2010-02-24'),
  TT_50_2015_BGTVT: law('50/2015/TT-BGTVT', 'Thông tư hướng dẫn thực hiện một số điều của Nghị định số 11/2010/NĐ-CP', '2015-09-23'),
  TT_46_2015_BGTVT: law('46/2015/TT-BGTVT', 'Thông tư quy định về tải trọng, khổ giới hạn của đường bộ; lưu hành xe quá tải trọng, xe quá khổ giới hạn, xe bánh xích trên đường bộ', '2015-09-07'),

  // Công Thương.
  LUAT_THUONG_MAI: law('36/2005/QH11', 'Luật Thương mại', '2005-06-14'),
  ND_105_2017: law('105/2017/NĐ-CP', 'Nghị định về kinh doanh rượu', '2017-09-14'),
  ND_17_2020: law('17/2020/NĐ-CP', 'Nghị định sửa đổi, bổ sung một số điều của các Nghị định liên quan đến điều kiện đầu tư kinh doanh thuộc lĩnh vực quản lý nhà nước của Bộ Công Thương', '2020-02-05'),
  ND_67_2013: law('67/2013/NĐ-CP', 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Phòng, chống tác hại của thuốc lá về kinh doanh thuốc lá', '2013-06-27'),
  TT_168_2016_BTC: law('168/2016/TT-BTC', 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định kinh doanh hàng hóa, dịch vụ hạn chế kinh doanh; hàng hóa, dịch vụ kinh doanh có điều kiện thuộc lĩnh vực thương mại', '2016-10-26'),
  ND_83_2014: law('83/2014/NĐ-CP', 'Nghị định về kinh doanh xăng dầu', '2014-09-03'),
  ND_95_2021: law('95/2021/NĐ-CP', 'Nghị định sửa đổi, bổ sung một số điều của Nghị định số 83/2014/NĐ-CP về kinh doanh xăng dầu', '2021-12-01'),
  ND_81_2018: law('81/2018/NĐ-CP', 'Nghị định quy định chi tiết Luật Thương mại về hoạt động xúc tiến thương mại', '2018-05-22'),
  ND_87_2018: law('87/2018/NĐ-CP', 'Nghị định về kinh doanh khí', '2018-06-15'),

  // Văn hóa, thể thao, du lịch.
  LUAT_DU_LICH: law('09/2017/QH14', 'Luật Du lịch', '2017-06-19'),
  ND_168_2017: law('168/2017/NĐ-CP', 'Nghị định quy định chi tiết một số điều của Luật Du lịch', '2017-12-31'),
  TT_33_2018_BTC: law('33/2018/TT-BTC', 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định cấp giấy phép kinh doanh dịch vụ lữ hành, phí thẩm định cấp thẻ hướng dẫn viên du lịch', '2018-03-30'),
  ND_54_2019: law('54/2019/NĐ-CP', 'Nghị định quy định về kinh doanh dịch vụ karaoke, dịch vụ vũ trường', '2019-06-19'),
  TT_01_2021_BTC: law('01/2021/TT-BTC', 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định cấp giấy phép kinh doanh dịch vụ karaoke, dịch vụ vũ trường', '2021-01-07'),
  ND_144_2020: law('144/2020/NĐ-CP', 'Nghị định quy định về hoạt động nghệ thuật biểu diễn', '2020-12-14'),
  TT_288_2016_BTC: law('288/2016/TT-BTC', 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định nội dung chương trình nghệ thuật biểu diễn; phí thẩm định nội dung chương trình trên băng, đĩa, phần mềm và trên vật liệu khác', '2016-11-15'),
  ND_110_2018: law('110/2018/NĐ-CP', 'Nghị định quy định về quản lý và tổ chức lễ hội', '2018-08-29'),
  ND_86_2023: law('86/2023/NĐ-CP', 'Nghị định quy định khung tiêu chuẩn và trình tự, thủ tục, hồ sơ xét tặng danh hiệu "Gia đình văn hóa"; "Thôn, tổ dân phố văn hóa", "Xã, phường, thị trấn tiêu biểu"', '2023-12-07'),
  LUAT_TDTT: law('77/2006/QH11', 'Luật Thể dục, thể thao', '2006-11-29'),
  LUAT_TDTT_SD: law('26/2018/QH14', 'Luật sửa đổi, bổ sung một số điều của Luật Thể dục, thể thao', '2018-06-14'),
  ND_36_2019: law('36/2019/NĐ-CP', 'Nghị định quy định chi tiết một số điều của Luật sửa đổi, bổ sung một số điều của Luật Thể dục, thể thao', '2019-04-29'),
  LUAT_QUANG_CAO: law('16/2012/QH13', 'Luật Quảng cáo', '2012-06-21'),
  ND_181_2013: law('181/2013/NĐ-CP', 'Nghị định quy định chi tiết thi hành một số điều của Luật Quảng cáo', '2013-11-14'),

  // Nội vụ.
  LUAT_TDKT: law('06/2022/QH15', 'Luật Thi đua, khen thưởng', '2022-06-15'),
  ND_98_2023: law('98/2023/NĐ-CP', 'Nghị định quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng', '2023-12-31'),
  LUAT_TNTG: law('02/2016/QH14', 'Luật Tín ngưỡng, tôn giáo', '2016-11-18'),
  ND_95_2023: law('95/2023/NĐ-CP', 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Tín ngưỡng, tôn giáo', '2023-12-29'),
  ND_45_2010: law('45/2010/NĐ-CP', 'Nghị định quy định về tổ chức, hoạt động và quản lý hội', '2010-04-21'),
  ND_33_2012: law('33/2012/NĐ-CP', 'Nghị định sửa đổi, bổ sung một số điều của Nghị định số 45/2010/NĐ-CP', '2012-04-13'),
  ND_93_2019: law('93/2019/NĐ-CP', 'Nghị định về tổ chức, hoạt động của quỹ xã hội, quỹ từ thiện', '2019-11-25'),
  LUAT_LUU_TRU: law('01/2011/QH13', 'Luật Lưu trữ', '2011-11-11'),
  TT_275_2016_BTC: law('275/2016/TT-BTC', 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí khai thác và sử dụng tài liệu lưu trữ', '2016-11-14'),

  // Nông nghiệp.
  LUAT_THU_Y: law('79/2015/QH13', 'Luật Thú y', '2015-06-19'),
  TT_25_2016_BNNPTNT: law('25/2016/TT-BNNPTNT', 'Thông tư quy định về kiểm dịch động vật, sản phẩm động vật trên cạn', '2016-06-30'),
  TT_101_2020_BTC: law('101/2020/TT-BTC', 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí, lệ phí trong công tác thú y', '2020-11-23'),
  LUAT_BVKDTV: law('41/2013/QH13', 'Luật Bảo vệ và kiểm dịch thực vật', '2013-11-25'),
  ND_66_2016: law('66/2016/NĐ-CP', 'Nghị định quy định điều kiện đầu tư kinh doanh về bảo vệ và kiểm dịch thực vật; giống cây trồng; nuôi động vật rừng thông thường; chăn nuôi; thủy sản; thực phẩm', '2016-07-01'),
  ND_123_2018: law('123/2018/NĐ-CP', 'Nghị định sửa đổi, bổ sung một số Nghị định quy định về điều kiện đầu tư, kinh doanh trong lĩnh vực nông nghiệp', '2018-09-17'),
  LUAT_THUY_LOI: law('08/2017/QH14', 'Luật Thủy lợi', '2017-06-19'),
  ND_67_2018: law('67/2018/NĐ-CP', 'Nghị định quy định chi tiết một số điều của Luật Thủy lợi', '2018-05-14'),
  LUAT_CHAN_NUOI: law('32/2018/QH14', 'Luật Chăn nuôi', '2018-11-19'),
  TT_23_2019_BNNPTNT: law('23/2019/TT-BNNPTNT', 'Thông tư hướng dẫn một số điều của Luật Chăn nuôi về hoạt động chăn nuôi', '2019-11-30'),
  LUAT_PCTT: law('33/2013/QH13', 'Luật Phòng, chống thiên tai', '2013-06-19'),
  ND_02_2017: law('02/2017/NĐ-CP', 'Nghị định về cơ chế, chính sách hỗ trợ sản xuất nông nghiệp để khôi phục sản xuất vùng bị thiệt hại do thiên tai, dịch bệnh', '2017-01-09'),

  // Thông tin và truyền thông, khoa học và công nghệ.
  LUAT_BAO_CHI: law('103/2016/QH13', 'Luật Báo chí', '2016-04-05'),
  LUAT_XUAT_BAN: law('19/2012/QH13', 'Luật Xuất bản', '2012-11-20'),
  ND_195_2013: law('195/2013/NĐ-CP', 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Xuất bản', '2013-11-21'),
  ND_60_2014: law('60/2014/NĐ-CP', 'Nghị định quy định về hoạt động in', '2014-06-19'),
  ND_25_2018: law('25/2018/NĐ-CP', 'Nghị định sửa đổi, bổ sung một số điều của Nghị định số 60/2014/NĐ-CP quy định về hoạt động in', '2018-02-28'),
  ND_72_2013: law('72/2013/NĐ-CP', 'Nghị định về quản lý, cung cấp, sử dụng dịch vụ Internet và thông tin trên mạng', '2013-07-15'),
  ND_27_2018: law('27/2018/NĐ-CP', 'Nghị định sửa đổi, bổ sung Nghị định số 72/2013/NĐ-CP', '2018-03-01'),
  LUAT_KHCN: law('29/2013/QH13', 'Luật Khoa học và công nghệ', '2013-06-18'),
  ND_08_2014: law('08/2014/NĐ-CP', 'Nghị định quy định chi tiết và hướng dẫn thi hành một số điều của Luật Khoa học và công nghệ', '2014-01-27'),
  TT_03_2014_BKHCN: law('03/2014/TT-BKHCN', 'Thông tư hướng dẫn điều kiện thành lập và đăng ký hoạt động của tổ chức khoa học và công nghệ, văn phòng đại diện, chi nhánh của tổ chức khoa học và công nghệ', '2014-03-31'),
  LUAT_NLNT: law('18/2008/QH12', 'Luật Năng lượng nguyên tử', '2008-06-03'),
  ND_142_2020: law('142/2020/NĐ-CP', 'Nghị định quy định về việc tiến hành công việc bức xạ và hoạt động dịch vụ hỗ trợ ứng dụng năng lượng nguyên tử', '2020-12-09'),
  TT_287_2016_BTC: law('287/2016/TT-BTC', 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định an toàn bức xạ, phí thẩm định điều kiện hoạt động dịch vụ hỗ trợ ứng dụng năng lượng nguyên tử, lệ phí cấp giấy đăng ký, giấy phép, chứng chỉ hành nghề', '2016-11-15'),
  LUAT_CLSPHH: law('05/2007/QH12', 'Luật Chất lượng sản phẩm, hàng hóa', '2007-11-21'),
  ND_132_2008: law('132/2008/NĐ-CP', 'Nghị định quy định chi tiết thi hành một số điều của Luật Chất lượng sản phẩm, hàng hóa', '2008-12-31'),
  TT_28_2012_BKHCN: law('28/2012/TT-BKHCN', 'Thông tư quy định về công bố hợp chuẩn, công bố hợp quy và phương thức đánh giá sự phù hợp với tiêu chuẩn, quy chuẩn kỹ thuật', '2012-12-12'),
} satisfies Record<string, DemoLegalBasis>;

export function workingDays(value: number): DemoProcedure['time'] {
  return { value, unit: 'working_days' };
}

export function workingHours(value: number): DemoProcedure['time'] {
  return { value, unit: 'working_hours' };
}

export function calendarDays(value: number): DemoProcedure['time'] {
  return { value, unit: 'calendar_days' };
}

/**
 * Legal time in working hours, the budget of the internal process. One working day is 8 working
 * hours (practice); a calendar-day time is counted conservatively as its whole working weeks and
 * days (5 of every 7 days, rounded down), so a process that fits it fits any real calendar.
 */
export function legalTimeInHours(time: { value: number; unit: DemoTimeUnit }): number {
  switch (time.unit) {
    case 'working_days':
      return time.value * 8;
    case 'working_hours':
      return time.value;
    case 'calendar_days':
      return Math.floor((time.value * 5) / 7) * 8;
  }
}

/** A required document: `originals` bản chính and `copies` bản sao. */
export function doc(name: string, originals = 1, copies = 0, formName?: string): DemoDocument {
  return formName === undefined ? { name, originals, copies } : { name, originals, copies, formName };
}

/** A document to submit as a copy (bản sao, or bản chính to compare), no original kept. */
export function copyOf(name: string): DemoDocument {
  return { name, originals: 0, copies: 1 };
}

export function fee(name: string, amount: number, note?: string): DemoFee {
  return note === undefined ? { name, amount } : { name, amount, note };
}

/** A further agency that takes part in the internal process (liên thông, or a higher authority). */
export interface PartnerStep {
  name: string;
  /** Share of the process budget, taken from the specialist's appraisal. */
  share: number;
  /** Where the step sits: after the appraisal (default) or after the leader's signature. */
  after?: 'specialist' | 'leader';
}

export interface ProcedureSpec {
  code: string;
  name: string;
  /** A field of FIELDS, or the code of the field named by `fieldName`. */
  field: FieldCode | (string & {});
  /** The field's name when `field` is not in FIELDS. */
  fieldName?: string;
  level: DemoLevel;
  agencyKey: string;
  departmentKey?: string;
  time: DemoProcedure['time'];
  online: 2 | 3 | 4;
  onTheSpot?: boolean;
  interAgency?: boolean;
  postalReturn?: boolean;
  cutoffTime?: string;
  subjects?: DemoProcedure['subjects'];
  /** Replaces the default third step (appraisal and decision). */
  appraisal?: string;
  /** Replaces all default steps. */
  steps?: string[];
  documents: DemoDocument[];
  sets?: number;
  result: string;
  conditions?: string;
  fees?: DemoFee[];
  feeExemptions?: string;
  legalBasis: DemoLegalBasis[];
  /** Published cut of the legal time for the internal process, 0–0.8 (default 0.3). */
  cut?: number;
  /** Who signs the result: the leader of the agency (default) or the head of its phòng. */
  signer?: 'leader' | 'head';
  partners?: PartnerStep[];
}

const PLACE: Record<DemoLevel, string> = {
  province: 'Trung tâm Phục vụ hành chính công tỉnh',
  district: 'Bộ phận Một cửa của UBND cấp huyện',
  commune: 'Bộ phận Một cửa của UBND cấp xã',
};

const DEFAULT_APPRAISAL: Record<DemoLevel, string> = {
  province: 'Phòng chuyên môn của Sở thẩm định hồ sơ, trình Lãnh đạo Sở xem xét, ký kết quả.',
  district: 'Phòng chuyên môn thẩm định hồ sơ, trình Lãnh đạo UBND cấp huyện xem xét, ký kết quả.',
  commune: 'Công chức chuyên môn thẩm định hồ sơ, trình Chủ tịch UBND cấp xã xem xét, ký kết quả.',
};

function applicant(subjects: DemoProcedure['subjects']): string {
  if (subjects.length === 2) return 'Tổ chức, cá nhân';
  return subjects[0] === 'organisation' ? 'Tổ chức' : 'Cá nhân';
}

function defaultSteps(spec: ProcedureSpec, subjects: DemoProcedure['subjects'], postalReturn: boolean): string[] {
  const channels = [
    spec.online >= 3 ? 'nộp trực tuyến trên Cổng Dịch vụ công quốc gia' : null,
    postalReturn ? 'gửi qua dịch vụ bưu chính công ích' : null,
  ].filter((c): c is string => c !== null);
  const submit = `${applicant(subjects)} chuẩn bị hồ sơ, nộp trực tiếp tại ${PLACE[spec.level]}${
    channels.length > 0 ? ` hoặc ${channels.join(' hoặc ')}` : ''
  }.`;
  const receive =
    'Công chức tiếp nhận kiểm tra hồ sơ: hồ sơ đầy đủ thì lập Giấy tiếp nhận hồ sơ và hẹn trả kết quả; chưa đầy đủ thì hướng dẫn bổ sung, hoàn thiện một lần.';
  const returnWays = [
    postalReturn ? 'qua dịch vụ bưu chính công ích' : null,
    spec.online === 4 ? 'trên môi trường điện tử' : null,
  ].filter((c): c is string => c !== null);
  const giveBack = `Trả kết quả tại ${PLACE[spec.level]}${returnWays.length > 0 ? ` hoặc ${returnWays.join(' hoặc ')}` : ''}.`;
  return [submit, receive, spec.appraisal ?? DEFAULT_APPRAISAL[spec.level], giveBack];
}

const LEADER_STEP: Record<DemoLevel, string> = {
  province: 'Lãnh đạo Sở phê duyệt, ký kết quả',
  district: 'Lãnh đạo UBND cấp huyện phê duyệt, ký kết quả',
  commune: 'Chủ tịch hoặc Phó Chủ tịch UBND cấp xã ký kết quả',
};

const DESK_STEP: Record<DemoLevel, string> = {
  province: 'Tiếp nhận, kiểm tra hồ sơ tại Trung tâm Phục vụ hành chính công, chuyển Sở',
  district: 'Bộ phận Một cửa tiếp nhận, kiểm tra hồ sơ, chuyển phòng chuyên môn',
  commune: 'Bộ phận Một cửa tiếp nhận, kiểm tra hồ sơ, chuyển công chức chuyên môn',
};

interface WeightedStep {
  name: string;
  responsible: DemoProcessStep['responsible'];
  weight: number;
}

/**
 * Internal process: desk → specialist → (partner) → head → leader → (partner) → clerk, the budget
 * being the legal time less the published cut, shared by fixed weights and rounded down to half
 * hours (quarter hours for budgets under two working days).
 */
export function buildInternalProcess(spec: ProcedureSpec): DemoProcessStep[] {
  const legal = legalTimeInHours(spec.time);
  const cut = spec.cut ?? 0.3;
  const budget = legal * (1 - cut);
  const partners = spec.partners ?? [];
  const partnerShare = partners.reduce((sum, p) => sum + p.share, 0);
  const commune = spec.level === 'commune';
  const headSigns = spec.signer === 'head';

  const specialistWeight = (commune ? 0.6 : headSigns ? 0.64 : 0.56) - partnerShare;
  if (specialistWeight < 0.1) throw new Error(`${spec.code}: partner shares leave too little for appraisal`);

  const partnerSteps = (after: 'specialist' | 'leader'): WeightedStep[] =>
    partners
      .filter((p) => (p.after ?? 'specialist') === after)
      .map((p) => ({ name: p.name, responsible: 'other_agency' as const, weight: p.share }));

  const weighted: WeightedStep[] = [
    { name: DESK_STEP[spec.level], responsible: 'desk', weight: commune ? 0.1 : headSigns ? 0.08 : 0.06 },
    {
      name: commune ? 'Công chức chuyên môn thẩm định hồ sơ, dự thảo kết quả' : 'Chuyên viên thẩm định hồ sơ, dự thảo kết quả',
      responsible: 'specialist',
      weight: specialistWeight,
    },
    ...partnerSteps('specialist'),
  ];
  if (!commune) {
    weighted.push({
      name: headSigns ? 'Trưởng phòng xem xét, ký kết quả' : 'Trưởng phòng xem xét, trình Lãnh đạo ký',
      responsible: 'department_head',
      weight: headSigns ? 0.18 : 0.16,
    });
  }
  if (!headSigns) {
    weighted.push({ name: LEADER_STEP[spec.level], responsible: 'leader', weight: commune ? 0.2 : 0.14 });
  }
  weighted.push(...partnerSteps('leader'));
  weighted.push({
    name: 'Văn thư vào số, đóng dấu, chuyển kết quả về Bộ phận Một cửa',
    responsible: 'clerk',
    weight: commune ? 0.1 : headSigns ? 0.1 : 0.08,
  });

  const grain = budget < 16 ? 0.25 : 0.5;
  const steps = weighted.map(({ name, responsible, weight }) => ({
    name,
    responsible,
    hours: Math.max(grain, Math.floor((budget * weight) / grain) * grain),
  }));
  const total = steps.reduce((sum, s) => sum + s.hours, 0);
  if (total > legal) throw new Error(`${spec.code}: internal process ${total} h exceeds the legal ${legal} h`);
  return steps;
}

/** Builds a full procedure from its specification. */
export function defineProcedure(spec: ProcedureSpec): DemoProcedure {
  const fieldName = spec.fieldName ?? FIELDS[spec.field as FieldCode];
  if (!fieldName) throw new Error(`${spec.code}: unknown field ${spec.field}`);
  const subjects = spec.subjects ?? ['individual'];
  const postalReturn = spec.postalReturn ?? false;
  const methods: DemoProcedure['methods'] = ['in_person'];
  if (spec.online >= 3) methods.push('online');
  if (postalReturn) methods.push('post');

  const procedure: DemoProcedure = {
    code: spec.code,
    name: spec.name,
    fieldCode: spec.field,
    fieldName,
    level: spec.level,
    agencyKey: spec.agencyKey,
    time: spec.time,
    onlineLevel: spec.online,
    onlineScope: spec.online === 4 ? 'full' : spec.online === 3 ? 'partial' : null,
    onTheSpot: spec.onTheSpot ?? false,
    interAgency: spec.interAgency ?? false,
    postalReturn,
    methods,
    subjects,
    steps: spec.steps ?? defaultSteps(spec, subjects, postalReturn),
    documents: spec.documents,
    sets: spec.sets ?? 1,
    result: spec.result,
    fees: spec.fees ?? [],
    legalBasis: spec.legalBasis,
    internalProcess: buildInternalProcess(spec),
  };
  if (spec.departmentKey !== undefined) procedure.departmentKey = spec.departmentKey;
  if (spec.cutoffTime !== undefined) procedure.cutoffTime = spec.cutoffTime;
  if (spec.conditions !== undefined) procedure.conditions = spec.conditions;
  if (spec.feeExemptions !== undefined) procedure.feeExemptions = spec.feeExemptions;
  return procedure;
}

/** Shorthands per level, so the data files only state what varies. */
export function communeProcedure(
  spec: Omit<ProcedureSpec, 'level' | 'agencyKey' | 'departmentKey'> & { departmentKey?: 'TPHT' | 'DCXD' | 'VHXH' },
): DemoProcedure {
  return defineProcedure({ ...spec, level: 'commune', agencyKey: 'UBND_XA' });
}

export type DistrictDepartmentKey =
  | 'PTP' | 'PTNMT' | 'PKTHT' | 'PTCKH' | 'PLDTBXH' | 'PVHTT' | 'PGDDT' | 'PYT' | 'PNV' | 'PNNPTNT';

export function districtProcedure(
  spec: Omit<ProcedureSpec, 'level' | 'agencyKey'> & { departmentKey: DistrictDepartmentKey },
): DemoProcedure {
  return defineProcedure({ ...spec, level: 'district', agencyKey: 'UBND_HUYEN' });
}

export type ProvincialDepartmentKey =
  | 'SNV' | 'STP' | 'SCT' | 'SNNPTNT' | 'STNMT' | 'STTTT' | 'SLDTBXH' | 'SVHTTDL'
  | 'SKHCN' | 'SGDDT' | 'SYT' | 'SKHDT' | 'STC' | 'SXD' | 'SGTVT';

export function provinceProcedure(
  spec: Omit<ProcedureSpec, 'level' | 'agencyKey'> & { agencyKey: ProvincialDepartmentKey },
): DemoProcedure {
  return defineProcedure({ ...spec, level: 'province' });
}

/** Common documents. */
export const DOCS = {
  identity: copyOf('Giấy tờ tùy thân (Căn cước, Căn cước công dân hoặc Hộ chiếu) của người yêu cầu, xuất trình khi nộp trực tiếp'),
  proxy: doc('Văn bản ủy quyền theo quy định của pháp luật (trường hợp ủy quyền thực hiện thủ tục)'),
} as const;
