"""The five seed documents (tests/fixtures/documents) as campaign data.

Every value was read from the documents by a person and is stored here as
literals: nothing is parsed at run time. Paragraphs broken by page breaks in
the source were joined; Markdown marks were dropped. Seed 004 is a news
article that summarises the province's Chỉ thị 09/CT-UBND: its items are the
seven contents the article lists, and the signer's name is left blank because
the article does not give it.

Fixture code: writes directly. (This module only holds the literals; campaigns/demo.py
writes them.)
"""

import datetime

SEEDS = {
    "000": {
        "source": "seed:000",
        "issuer": "ubnd-tam-duong",
        "document_type": "Công văn",
        "number": "",
        "symbol": "UBND-NV",
        "place": "Tam Đường",
        "issued_on": None,
        "issued_month": 7,
        "issued_year": 2024,
        "subject": "phát động phong trào thi đua lập thành tích chào mừng Đại hội Đảng bộ các "
        "cấp, Đại hội thi đua yêu nước",
        "theme": "Đảng bộ, chính quyền và nhân dân các dân tộc huyện Tam Đường ra sức thi đua, "
        "quyết tâm phấn đấu hoàn thành và hoàn thành vượt mức các mục tiêu, nhiệm vụ "
        "thực hiện Nghị quyết Đại hội Đảng bộ các cấp nhiệm kỳ 2020 – 2025 hướng tới "
        "chào mừng Đại hội Đảng bộ các cấp, Đại hội thi đua yêu nước",
        "kind": "thematic",
        "is_special": False,
        "start_date": None,
        "end_date": datetime.date(2025, 6, 30),
        "time_frame": "Từ nay đến ngày 30/6/2025",
        "preamble": [
            "Năm 2025 có ý nghĩa đặc biệt quan trọng trong thực hiện kế hoạch phát triển "
            "kinh tế- xã hội 5 năm, giai đoạn 2021- 2025; năm tổ chức Đại hội Đảng bộ "
            "các cấp tiến tới Đại hội Đại biểu toàn quốc lần thứ XIV của Đảng; Đại hội "
            "thi đua yêu nước các cấp tiến tới Đại hội thi đua toàn quốc lần thứ XI; năm "
            "diễn ra nhiều sự kiện chính trị quan trọng của đất nước, như: Kỷ niệm 95 "
            "năm ngày thành lập Đảng cộng sản Việt nam (03/02/1930 - 03/02/2025); 50 năm "
            "giải phóng miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2025); 135 năm "
            "ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 -19/5/2025); 80 năm thành lập "
            "nước Cộng hoà XHCN Việt Nam (02/9/1945 - 02/9/2025); 77 năm ngày Bác Hồ ra "
            "lời kêu gọi thi đua ái quốc (01/6/1948-01/6/2025).",
            "Thực hiện Công văn số 2563/UBND-TH ngày 04/7/2024 của UBND tỉnh Lai Châu về "
            "phát động phong trào thi đua lập thành tích chào mừng Đại hội Đảng bộ các "
            "cấp, Đại hội thi đua yêu nước. Để thiết thực lập thành tích chào mừng Đại "
            "hội Đảng bộ các cấp, Đại hội thi đua yêu nước, Chủ tịch Ủy ban nhân dân "
            "huyện phát động phong trào thi đua với chủ đề: “Đảng bộ, chính quyền và "
            "nhân dân các dân tộc huyện Tam Đường ra sức thi đua, quyết tâm phấn đấu "
            "hoàn thành và hoàn thành vượt mức các mục tiêu, nhiệm vụ thực hiện Nghị "
            "quyết Đại hội Đảng bộ các cấp nhiệm kỳ 2020 – 2025 hướng tới chào mừng Đại "
            "hội Đảng bộ các cấp, Đại hội thi đua yêu nước”, với những nội dung chủ yếu "
            "sau:",
        ],
        "items": [
            {
                "label": "1.",
                "text": [
                    "Tiếp tục tuyên truyền, quán triệt sâu sắc chủ trương, đường lối của "
                    "Đảng, chính sách, pháp luật của Nhà nước, tư tưởng của Chủ tịch Hồ "
                    "Chí Minh về thi đua ái quốc, trọng tâm là Chỉ thị số 34-CT/TW ngày "
                    "07/4/2014 của Bộ Chính trị về tiếp tục đổi mới công tác thi đua khen "
                    "thưởng, Luật Thi đua, khen thưởng. Tiếp tục nâng cao nhận thức của "
                    "cán bộ, đảng viên và các tầng lớp Nhân dân về vị trí, vai trò của "
                    "công tác thi đua - khen thưởng, trước hết là người đứng đầu cấp ủy, "
                    "chính quyền, đơn vị; làm cho phong trào thi đua thực sự trở thành "
                    "động lực, ý thức tự giác, thường xuyên, liên tục ở mỗi cấp, mỗi "
                    "ngành, mỗi địa phương, đơn vị và từng cá nhân; huy động sức mạnh "
                    "tổng hợp, nguồn lực to lớn để thực hiện thắng lợi nhiệm vụ giai đoạn "
                    "2020-2025 đã đề ra."
                ],
            },
            {
                "label": "2.",
                "text": [
                    "Tích cực thi đua xây dựng Đảng và hệ thống chính trị trong sạch, "
                    "vững mạnh; nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ "
                    "sở đảng, đảng viên; đổi mới sáng tạo, huy động các nguồn lực phát "
                    "triển hệ thống kết cấu hạ tầng kinh tế, xã hội; nâng cao chất lượng "
                    "giáo dục, chăm sóc sức khỏe Nhân dân và chất lượng dân số; bảo tồn "
                    "và phát huy giá trị văn hóa bản sắc tốt đẹp của các dân tộc; đảm bảo "
                    "an sinh xã hội, giảm nghèo bền vững; nâng cao đời sống vật chất, "
                    "tinh thần của Nhân dân, bảo đảm quốc phòng - an ninh.",
                    "Thi đua phấn đấu hoàn thành thắng lợi các mục tiêu, nhiệm vụ giai "
                    "đoạn 2020-2025 của từng ngành, đơn vị, cơ sở, trong đó tập trung thi "
                    "đua hoàn thành và hoàn thành vượt mức các chỉ tiêu chủ yếu đến năm "
                    "2025, các chương trình trọng điểm, nhiệm vụ đột phá đã được xác định "
                    "trong, Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Lai Châu lần thứ "
                    "XIV, Nghị quyết Đại hội đại biểu Đảng bộ huyện Tam Đường lần thứ XX, "
                    "nhiệm kỳ 2020-2025.",
                ],
            },
            {
                "label": "3.",
                "text": [
                    "Nâng cao chất lượng các phong trào thi đua yêu nước, trọng tâm là "
                    "phong trào do Thủ tướng Chính phủ phát động như: “Cả nước chung sức "
                    "xây dựng nông thôn mới”; “Chung tay vì người nghèo - Không để ai bị "
                    "bỏ lại phía sau”; “Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh "
                    "học tập suốt đời giai đoạn 2023-2030”; “Đẩy mạnh phát triển kết cấu "
                    "hạ tầng đồng bộ, hiện đại; thực hành tiết kiệm, chống lãng phí”; "
                    "“Cán bộ, công chức, viên chức huyện Tam Đường thi đua thực hiện văn "
                    "hóa công sở”. Thực hiện có hiệu quả phong trào thi đua do tỉnh, "
                    "huyện phát động trên mọi lĩnh vực của đời sống xã hội gắn phong trào "
                    "thi đua với việc thực hiện “Học tập và làm theo tư tưởng, đạo đức, "
                    "phong cách Hồ Chí Minh” theo tinh thần Kết luận số 01-KL/TW ngày "
                    "18/5/2021 về tiếp tục thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 "
                    "của Bộ Chính trị."
                ],
            },
            {
                "label": "4.",
                "text": [
                    "Thi đua tổ chức thực hiện tốt công tác chuẩn bị và tổ chức Đại hội "
                    "Đảng bộ các cấp tiến tới đại hội đại biểu toàn quốc lần thứ XIV của "
                    "Đảng theo tinh thần Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính "
                    "trị; thi đua tổ chức tốt Đại hội thi đua yêu nước, Hội nghị điển "
                    "hình tiên tiến với nội dung, hình thức phong phú, đa dạng; chú trọng "
                    "phát hiện, bồi dưỡng, tổng kết và nhân rộng các điển hình tiên tiến, "
                    "qua đó tạo không khí thi đua sôi nổi, cổ vũ các tập thể, cá nhân "
                    "phát huy tinh thần sáng tạo, dám nghĩ, dám làm, quyết tâm phấn đấu "
                    "hoàn thành nhiệm vụ chính trị của huyện."
                ],
            },
            {
                "label": "5.",
                "text": [
                    "Các cơ quan quản lý Nhà nước tập trung đẩy mạnh thực hiện cải cách "
                    "hành chính, tăng cường kỷ luật, kỷ cương, thực hiện nghiêm chế độ "
                    "công chức, công vụ, nâng cao trách nhiệm người đứng đầu, ứng dụng "
                    "công nghệ thông tin, thực hiện chuyển đổi số, bám sát nhiệm vụ chính "
                    "trị, nhiệm vụ trọng tâm để phát động tổ chức các phong trào thi đua "
                    "lập thành tích chào mừng Đại hội Đảng bộ các cấp, Đại hội thi đua "
                    "yêu nước."
                ],
            },
        ],
        "closing": [
            "Phong trào thi đua lập thành tích chào mừng Đại hội Đảng bộ các cấp, Đại hội "
            "thi đua yêu nước được triển khai, thực hiện từ nay đến ngày 30/6/2025. Kết "
            "thúc phong trào thi đua, Hội đồng Thi đua, Khen thưởng huyện tiến hành tổng "
            "kết, đánh giá, rút ra những bài học kinh nghiệm trong tổ chức, chỉ đạo phong "
            "trào thi đua, biểu dương, tôn vinh các điển hình tiên tiến.",
            "Chủ tịch Ủy ban nhân dân huyện kêu gọi toàn thể cán bộ, đảng viên, công "
            "chức, viên chức, chiến sỹ các lực lượng vũ trang, người lao động, cơ quan, "
            "đơn vị, các doanh nghiệp và Nhân dân các dân tộc trong huyện phát huy truyền "
            "thống yêu nước, sức mạnh đoàn kết, phát huy trí tuệ, ra sức thi đua lập "
            "thành tích cao nhất, thực hiện thắng lợi các nội dung thi đua, chào mừng Đại "
            "hội Đảng bộ các cấp, Đại hội thi đua yêu nước.",
            "Trên đây là nội dung phát động phong trào thi đua lập thành tích chào mừng "
            "Đại hội Đảng bộ các cấp, Đại hội thi đua yêu nước của UBND huyện Tam Đường "
            "đề nghị các cơ quan, ban, ngành, đoàn thể huyện, các Doanh nghiệp, Hợp tác "
            "xã; UBND các xã, thị trấn triển khai thực hiện./.",
        ],
        "recipients": [
            "Các cơ quan, ban, ngành, đoàn thể huyện;",
            "UBND các xã, thị trấn;",
            "Các Doanh nghiệp, HTX trên địa bàn huyện.",
        ],
        "distribution": [
            ("TT. Hội đồng TĐKT tỉnh;", "B/c"),
            ("TT. Huyện ủy;", "B/c"),
            ("TT. HĐND huyện;", "B/c"),
            ("Chủ tịch, các Phó Chủ tịch UBND huyện;", ""),
            ("Các cơ quan, ban, ngành, đoàn thể huyện;", ""),
            ("UBND các xã, thị trấn;", ""),
            ("Các Doanh nghiệp, HTX trên địa bàn huyện;", ""),
            ("Lưu: VT.", ""),
        ],
        "signing_authority": "TM. ỦY BAN NHÂN DÂN",
        "signer_title": "CHỦ TỊCH",
        "signer_name": "Sùng Lữ Páo",
    },
    "002": {
        "source": "seed:002",
        "issuer": "ubnd-tp-lai-chau",
        "document_type": "Phát động thi đua",
        "number": "5834",
        "symbol": "PĐTĐ-UBND",
        "place": "Thành phố Lai Châu",
        "issued_on": datetime.date(2024, 12, 31),
        "issued_month": None,
        "issued_year": None,
        "subject": "Hoàn thành thắng lợi các chỉ tiêu, nhiệm vụ phát triển Kinh tế - Xã hội đảm "
        "bảo Quốc phòng - An ninh năm 2025",
        "theme": "Quyết tâm thi đua hoàn thành thắng lợi các mục tiêu, chỉ tiêu, nhiệm vụ phát "
        "triển kinh tế - xã hội, đảm bảo quốc phòng, an ninh năm 2025; hoàn thành các "
        "chỉ tiêu Nghị quyết Đại hội Đảng bộ thành phố khóa IV, thiết thực lập thành "
        "tích chào mừng các sự kiện lịch sử của đất nước, tỉnh, thành phố năm 2025",
        "kind": "regular",
        "is_special": False,
        "start_date": datetime.date(2025, 1, 1),
        "end_date": datetime.date(2025, 12, 31),
        "time_frame": "Năm 2025",
        "preamble": [
            "Năm 2025 có ý nghĩa đặc biệt quan trọng, năm diễn ra Đại hội Đảng bộ các "
            "cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng, Đại hội Thi "
            "đua yêu nước toàn quốc lần thứ XI; năm diễn ra nhiều sự kiện trọng đại, kỷ "
            "niệm các ngày lễ lớn của Đảng, đất nước và dân tộc: Kỷ niệm 95 năm ngày "
            "thành lập Đảng Cộng sản Việt Nam, kỷ niệm 50 năm Giải phóng hoàn toàn miền "
            "Nam, thống nhất đất nước; kỷ niệm 80 năm Cách mạng tháng 8 thành công và "
            "Quốc khánh 2/9. Đặc biệt là việc triển khai mạnh mẽ các nhiệm vụ sắp xếp, "
            "tinh gọn tổ chức bộ máy theo tinh thần Nghị quyết Trung ương và chỉ đạo của "
            "Chính phủ. Đây cũng là năm có ý nghĩa quan trọng, quyết định việc hoàn "
            "thành các chỉ tiêu phát triển kinh tế - xã hội giai đoạn 2021-2025, tạo "
            "tiền đề phấn đấu thực hiện kế hoạch 5 năm (2026-2030).",
            "Nhằm phát huy sức mạnh tổng hợp của cả hệ thống chính trị với tinh thần "
            "đoàn kết quyết tâm vượt qua mọi khó khăn, quyết tâm phấn đấu thực hiện "
            "thắng lợi các mục tiêu, chỉ tiêu, kế hoạch phát triển kinh tế - xã hội, đảm "
            "bảo quốc phòng - an ninh 5 năm giai đoạn 2021-2025 và thực hiện thắng lợi "
            "kế hoạch phát triển kinh tế - xã hội, đảm bảo quốc phòng - an ninh năm "
            "2025. UBND thành phố Lai Châu phát động phong trào thi đua với chủ đề "
            "“Quyết tâm thi đua hoàn thành thắng lợi các mục tiêu, chỉ tiêu, nhiệm vụ "
            "phát triển kinh tế - xã hội, đảm bảo quốc phòng, an ninh năm 2025; hoàn "
            "thành các chỉ tiêu Nghị quyết Đại hội Đảng bộ thành phố khóa IV, thiết thực "
            "lập thành tích chào mừng các sự kiện lịch sử của đất nước, tỉnh, thành phố "
            "năm 2025”. Để phong trào thi đua lan tỏa sâu rộng trong các tầng lớp nhân "
            "dân nhằm mang lại hiệu quả thiết thực, tạo động lực phát triển kinh tế - xã "
            "hội, góp phần xây dựng thành phố Lai Châu phát triển nhanh, mạnh và bền "
            "vững hướng tới đô thị loại II, UBND thành phố yêu cầu và đề nghị các cơ "
            "quan, đơn vị, đoàn thể thành phố, UBND các xã, phường, các tổ chức, doanh "
            "nghiệp đóng trên địa bàn (sau đây gọi chung là các cơ quan, đơn vị) tập "
            "trung thực hiện tốt những nhiệm vụ trọng tâm chủ yếu sau:",
        ],
        "items": [
            {
                "label": "1.",
                "text": [
                    "Các cơ quan, đơn vị tiếp tục triển khai thực hiện có hiệu quả Chỉ "
                    "thị số 34-CT/TW ngày 7/4/2014 của Bộ Chính trị về việc “Tiếp tục đổi "
                    "mới công tác thi đua, khen thưởng”; quán triệt sâu sắc Lời kêu gọi "
                    "thi đua Ái quốc của Chủ tịch Hồ Chí Minh và các chủ trương, đường "
                    "lối của Đảng, chính sách, pháp luật của Nhà nước về công tác thi "
                    "đua, khen thưởng; phát huy vai trò lãnh đạo, chỉ đạo của cấp ủy, "
                    "chính quyền các cấp gắn với việc thực hiện có hiệu quả việc tiếp tục "
                    "“Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí "
                    "Minh”, trong đó chú trọng đổi mới cả nội dung, hình thức và phương "
                    "pháp tổ chức các phong trào thi đua nhằm nâng cao chất lượng, hiệu "
                    "quả trong công tác thi đua, khen thưởng để thực hiện thắng lợi các "
                    "nhiệm vụ phát triển kinh tế - xã hội, đảm bảo quốc phòng - an ninh "
                    "năm 2025."
                ],
            },
            {
                "label": "2.",
                "text": [
                    "Tiếp tục chỉ đạo và tổ chức triển khai, thực hiện có hiệu quả các "
                    "phong trào thi đua yêu nước gắn với nội dung trọng tâm là thực hiện "
                    "thắng lợi Nghị quyết Đại hội Đảng bộ thành phố lần thứ IV và Chỉ thị "
                    "số 09/CT-UBND ngày 11/8/2021 của Chủ tịch UBND tỉnh Lai Châu về phát "
                    "động thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã "
                    "hội hàng năm và Kế hoạch 5 năm (2021-2025) theo Nghị quyết Đại hội "
                    "Đảng bộ tỉnh lần thứ XIV. Trong đó, tập trung chỉ đạo các phong trào "
                    "thi đua trọng tâm do Chủ tịch UBND tỉnh phát động như: Phong trào "
                    "thi đua “Lai Châu chung sức xây dựng nông thôn mới”, “Lai Châu chung "
                    "tay vì người nghèo - không để ai bị bỏ lại phía sau”, “Cán bộ, công "
                    "chức, viên chức tỉnh Lai Châu thi đua thực hiện văn hóa công sở” gắn "
                    "với phong trào thi đua “Đẩy mạnh học tập và làm theo tư tưởng, đạo "
                    "đức, phong cách Hồ Chí Minh” và các phong trào thi đua do các cơ "
                    "quan đảng, chính quyền, đoàn thể, các tổ chức xã hội thành phố tổ "
                    "chức, phát động trên các lĩnh vực kinh tế - xã hội, quốc phòng - an "
                    "ninh."
                ],
            },
            {
                "label": "3.",
                "text": [
                    "Thực hiện thắng lợi các mục tiêu phát triển kinh tế - xã hội năm "
                    "2025; nêu cao tinh thần trách nhiệm, bám sát chương trình, kế hoạch, "
                    "nhiệm vụ trọng tâm để tổ chức các đợt thi đua cụ thể, thiết thực, "
                    "tạo ra những bước đột phá nhằm hoàn thành xuất sắc nhiệm vụ của cơ "
                    "quan, đơn vị; đẩy mạnh phong trào thi đua đặc biệt, lập thành tích "
                    "xuất sắc chào mừng các sự kiện lịch sử của đất nước, tỉnh, thành phố "
                    "trong năm 2025, cụ thể:"
                ],
                "children": [
                    {
                        "label": "-",
                        "heading": "Về lĩnh vực kinh tế:",
                        "text": [
                            "Đẩy mạnh phong trào thi đua lao động giỏi, lao động "
                            "sáng tạo; Nông dân thi đua sản xuất, kinh doanh giỏi, "
                            "đoàn kết giúp nhau làm giàu và giảm nghèo bền vững; "
                            "xây dựng nông thôn mới, đô thị văn minh. Tập trung "
                            "phát triển thương mại và dịch vụ du lịch, tiếp tục đẩy "
                            "mạnh chuyển dịch cơ cấu trong sản xuất nông nghiệp; "
                            "phát triển nông nghiệp hàng hoá gắn với phát triển các "
                            "sản phẩm nông nghiệp có hàm lượng công nghệ cao, giá "
                            "trị kinh tế cao gắn với thị trường. Khuyến khích, tạo "
                            "điều kiện cho doanh nghiệp đầu tư phát triển công "
                            "nghiệp vào những nghề có lợi thế; khôi phục và phát "
                            "triển các nghề truyền thống. Phát triển đa dạng và "
                            "nâng cao chất lượng các loại hình dịch vụ, thương mại; "
                            "kết hợp phát triển thương mại truyền thống với phát "
                            "triển mạng lưới thương mại văn minh, hiện đại. Đẩy "
                            "mạnh phát triển du lịch, định hướng phát triển du lịch "
                            "gắn với các sản phẩm du lịch đặc trưng, tạo được sự "
                            "đột phá trong phát triển du lịch của thành phố; đẩy "
                            "mạnh cải cách thủ tục hành chính, cải thiện môi trường "
                            "đầu tư, kinh doanh."
                        ],
                    },
                    {
                        "label": "-",
                        "heading": "Về lĩnh vực văn hóa, xã hội:",
                        "text": [
                            "Tiếp tục thực hiện có hiệu quả Nghị quyết số 29-NQ/TW "
                            "của Ban Chấp hành Trung ương Đảng (khóa XI) về “Đổi "
                            "mới căn bản, toàn diện giáo dục và đào tạo, đáp ứng "
                            "yêu cầu công nghiệp hóa, hiện đại hóa trong điều kiện "
                            "kinh tế thị trường định hướng xã hội chủ nghĩa và hội "
                            "nhập quốc tế”; triển khai thực hiện tốt xây dựng môi "
                            "trường giáo dục an toàn, lành mạnh, thân thiện; duy "
                            "trì và nâng cao chất lượng trường học đạt chuẩn quốc "
                            "gia; đẩy mạnh các phong trào thi đua trong ngành giáo "
                            "dục trên địa bàn thành phố.",
                            "Nâng cao hiệu quả thực hiện Đề án “Xây dựng nếp sống "
                            "văn minh đô thị”, xây dựng tuyến phố văn minh, phường "
                            "đạt chuẩn văn minh đô thị, xã đạt chuẩn nông thôn mới. "
                            "Triển khai thực hiện tốt phong trào “Toàn dân đoàn kết "
                            "xây dựng đời sống văn hóa”, xây dựng gia đình, cơ "
                            "quan, đơn vị đạt chuẩn văn hóa.",
                            "Tăng cường công tác giáo dục y đức, tinh thần, thái độ "
                            "phục vụ bệnh nhân; công tác quản lý nhà nước đối với "
                            "các hoạt động y tế trên địa bàn; làm tốt công tác y tế "
                            "dự phòng; chủ động trong công tác phòng, chống dịch "
                            "bệnh, không chủ quan, lơ là.",
                            "Nâng cao hiệu quả công tác đào tạo nghề gắn với giải "
                            "quyết việc làm cho người lao động; thực hiện đầy đủ, "
                            "kịp thời các chính sách an sinh xã hội và chế độ chính "
                            "sách đối với người có công; thực hiện hiệu quả chương "
                            "trình giảm nghèo bền vững.",
                        ],
                    },
                    {
                        "label": "-",
                        "heading": "Về lĩnh vực quốc phòng - an ninh, thanh tra, tư pháp "
                        "và công tác đối ngoại:",
                        "text": [
                            "Đẩy mạnh phong trào “Thi đua quyết thắng”, phong trào "
                            "“Toàn dân bảo vệ an ninh Tổ quốc”. Tiếp tục thực hiện "
                            "có hiệu quả các Nghị quyết, Chỉ thị, mệnh lệnh của cấp "
                            "trên về công tác quân sự, quốc phòng; xây dựng, củng "
                            "cố vững chắc nền quốc phòng toàn dân gắn với thế trận "
                            "an ninh Nhân dân. Thực hiện tốt công tác phòng ngừa, "
                            "đấu tranh, trấn áp, kiểm chế tội phạm, tệ nạn xã hội "
                            "và các vi phạm pháp luật về an ninh trật tự, đảm bảo "
                            "trật tự an toàn giao thông. Nâng cao chất lượng, hiệu "
                            "quả công tác xây dựng, ban hành văn bản QPPL, chất "
                            "lượng công tác thanh tra, tiếp công dân, giải quyết "
                            "kịp thời đơn thư khiếu nại, tố cáo của công dân; thực "
                            "hiện có hiệu quả công tác phòng, chống tham nhũng; "
                            "nâng cao quan hệ hợp tác, kết nghĩa giữa thành phố Lai "
                            "Châu với các huyện, thành phố trong và ngoài tỉnh."
                        ],
                    },
                    {
                        "label": "-",
                        "heading": "Về lĩnh vực xây dựng hệ thống chính trị:",
                        "text": [
                            "Tiếp tục đẩy mạnh và thực hiện tốt các phong trào thi "
                            "đua gắn với thực hiện các nội dung: Học tập và làm "
                            "theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; thực "
                            "hiện Đề án văn hóa công vụ và thực hiện Nghị quyết số "
                            "04-NQ/TW ngày 30/10/2016 của Ban Chấp hành TW Đảng; "
                            "thực hiện tốt công tác giáo dục chính trị tư tưởng, "
                            "triển khai thực hiện có chất lượng Nghị quyết Đại hội "
                            "Đảng các cấp nhiệm kỳ 2020-2025 và các Nghị quyết, chỉ "
                            "thị của Đảng. Tiếp tục thực hiện nghiêm túc Nghị quyết "
                            "số 18, 19-NQ/TW ngày 25/10/2017 của Ban Chấp hành "
                            "Trung ương Đảng (khóa XII); củng cố, kiện toàn tổ chức "
                            "bộ máy hệ thống chính trị theo hướng tinh gọn, hoạt "
                            "động hiệu lực, hiệu quả gắn với tinh giản biên chế, cơ "
                            "cấu lại đội ngũ cán bộ, công chức, viên chức. Tiếp tục "
                            "đẩy mạnh CCHC, thực hiện tốt việc cắt giảm tối thiểu "
                            "30% thời gian giải quyết thủ tục hành chính; nâng cao "
                            "đạo đức công vụ, đạo đức nghề nghiệp; tăng cường kỷ "
                            "luật, kỷ cương hành chính. Phát huy vai trò giám sát "
                            "và phản biện xã hội của Mặt trận tổ quốc và các tổ "
                            "chức thành viên, phát huy dân chủ ở cơ sở góp phần xây "
                            "dựng Đảng, chính quyền và các đoàn thể chính trị, xã "
                            "hội đạt vững mạnh."
                        ],
                    },
                ],
            },
            {
                "label": "4.",
                "text": [
                    "Tiếp tục nâng cao hơn nữa vai trò, trách nhiệm của cấp ủy đảng, "
                    "chính quyền, Mặt trận tổ quốc, các tổ chức chính trị - xã hội, Thủ "
                    "trưởng các cơ quan, đơn vị trong tổ chức triển khai phong trào thi "
                    "đua và công tác khen thưởng. Thường xuyên thông tin, tuyên truyền "
                    "các phong trào thi đua theo chuyên đề với nội dung cụ thể, thiết "
                    "thực, dễ hiểu, dễ nhớ, dễ thực hiện. Nâng cao chất lượng hoạt động "
                    "của các khối thi đua thuộc thành phố; làm tốt công tác phát hiện, "
                    'bồi dưỡng và nhân rộng các điển hình tiên tiến, gương "người tốt, '
                    'việc tốt", tạo khí thế thi đua sôi nổi, thu hút mọi tổ chức, cá nhân '
                    "và các tầng lớp Nhân dân cùng thi đua, phát huy tinh thần sáng tạo, "
                    "dám nghĩ, dám làm, quyết tâm phấn đấu hoàn thành vượt mức các chỉ "
                    "tiêu kế hoạch, nhiệm vụ của cơ quan, đơn vị, tổ chức, cá nhân trong "
                    "năm 2025."
                ],
            },
            {
                "label": "5.",
                "text": [
                    "Thực hiện tốt công tác quản lý nhà nước về thi đua khen thưởng; tổ "
                    "chức tốt các phong trào thi đua và tích cực hưởng ứng các phong trào "
                    "thi đua do cấp trên phát động. Tăng cường hướng dẫn, kiểm tra, đôn "
                    "đốc việc triển khai, thực hiện công tác thi đua, khen thưởng tại các "
                    "cơ quan, đơn vị; thực hiện tốt công tác quản lý, theo dõi, đánh giá, "
                    "sơ, tổng kết phong trào thi đua và công tác khen thưởng, đảm bảo "
                    "công khai, minh bạch, kịp thời, đúng quy định."
                ],
            },
        ],
        "closing": [
            "Trên đây là nội dung phát động thi đua năm 2025 của UBND thành phố Lai Châu, "
            "yêu cầu và đề nghị Thủ trưởng các cơ quan, đơn vị, đoàn thể thành phố, Chủ "
            "tịch UBND các xã, phường, các tổ chức, doanh nghiệp cùng toàn thể cán bộ, "
            "đảng viên, công chức, viên chức, chiến sỹ, người lao động và Nhân dân các "
            "dân tộc phát huy truyền thống đoàn kết, tập trung trí tuệ, sức mạnh tập thể, "
            "ra sức thi đua, quyết tâm phấn đấu lập thành tích cao nhất chào mừng kỷ niệm "
            "các ngày Lễ lớn của đất nước, của tỉnh, thành phố năm 2025 góp phần hoàn "
            "thành thắng lợi các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội đảm bảo "
            "quốc phòng - an ninh năm 2025 trên địa bàn thành phố./."
        ],
        "recipients": [],
        "distribution": [
            ("Sở Nội vụ;", ""),
            ("TT. Thành uỷ, HĐND, UBND thành phố;", ""),
            ("Thành viên Hội đồng TĐKT thành phố;", ""),
            ("Các cơ quan, đơn vị, đoàn thể thành phố;", ""),
            ("UBND các xã, phường;", ""),
            ("Trang thông tin điện tử thành phố;", ""),
            ("Lưu: VT.", ""),
        ],
        "signing_authority": "TM. ỦY BAN NHÂN DÂN",
        "signer_title": "CHỦ TỊCH",
        "signer_name": "Nguyễn Văn Nghiệp",
    },
    "003": {
        "source": "seed:003",
        "issuer": "ubnd-tam-duong",
        "document_type": "Kế hoạch",
        "number": "",
        "symbol": "KH-UBND",
        "place": "Tam Đường",
        "issued_on": None,
        "issued_month": 6,
        "issued_year": 2023,
        "subject": "Phát động phong trào thi đua đặc biệt lập thành tích chào mừng kỷ niệm các sự "
        "kiện lịch sử của tỉnh",
        "theme": "Thi đua đổi mới, sáng tạo, lập thành tích cao nhất chào mừng kỷ niệm 115 năm "
        "thành lập tỉnh (28/6/1909-28/6/2024), 75 năm thành lập Đảng bộ tỉnh "
        "(10/10/1949-10/10/2024), 70 năm ngày Bác Hồ gửi thư cho đồng bào và cán bộ Lai "
        "Châu (12/12/1953-12/12/2023), 20 năm chia tách, thành lập tỉnh "
        "(01/01/2004-01/01/2024)",
        "kind": "thematic",
        "is_special": True,
        "start_date": None,
        "end_date": datetime.date(2023, 10, 30),
        "time_frame": "Từ nay đến ngày 30/10/2023",
        "preamble": [
            "Căn cứ Công văn số 1954/UBND-TH ngày 30/5/2023 của Ủy ban nhân dân tỉnh Lai "
            "Châu về phát động phong trào thi đua đặc biệt lập thành tích chào mừng kỷ "
            "niệm các sự kiện lịch sử của tỉnh; Ủy ban nhân dân huyện Tam Đường xây dựng "
            "và triển khai kế hoạch phát động phong trào thi đua đặc biệt đến toàn thể "
            "cán bộ, đảng viên, công chức, viên chức, người lao động, chiến sỹ, lực "
            "lượng vũ trang và các tầng lớp Nhân dân trong huyện, với nội dung như sau:",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Mục đích",
            "- Thông qua các hoạt động chào mừng Kỷ niệm các sự kiện lịch sử của tỉnh "
            "nhằm tuyên truyền, giáo dục cán bộ, đảng viên, công chức, viên chức, người "
            "lao động, chiến sỹ các lực lượng vũ trang và các tầng lớp Nhân dân về "
            "truyền thống 115 năm xây dựng và phát triển của tỉnh, nhất là sau 75 năm "
            "dưới sự lãnh đạo của Đảng bộ tỉnh; những thành tựu và bài học kinh nghiệm "
            "sau 70 năm ngày Bác Hồ gửi thư cho đồng bào và cán bộ Lai Châu và 20 năm "
            "chia tách, thành lập tỉnh; nâng cao nhận thức, củng cố và tăng cường niềm "
            "tin của cán bộ, đảng viên và Nhân dân vào sự lãnh đạo của Đảng, tạo sự đồng "
            "thuận cao trong Đảng, trong các tầng lớp Nhân dân, góp phần xây dựng huyện "
            "Tam Đường ngày càng ổn định và phát triển.",
            "- Phát huy sức mạnh tổng hợp của Đảng bộ, chính quyền, Mặt trận Tổ quốc, "
            "các đoàn thể, lực lượng vũ trang và các tầng lớp nhân dân trên địa bàn "
            "huyện, không ngừng đổi mới, sáng tạo, khơi dậy ý chí tự lực, tự cường, phát "
            "huy những tiềm năng, lợi thế của địa phương, tranh thủ thời cơ, vượt qua "
            "thách thức nhằm tăng năng suất, chất lượng, hiệu quả trong lao động, sản "
            "xuất, kinh doanh, củng cố quốc phòng, giữ vững an ninh chính trị, trật tự "
            "an toàn xã hội, phấn đấu hoàn thành các chỉ tiêu kinh tế - xã hội, quốc "
            "phòng, an ninh năm 2023, góp phần thực hiện thắng lợi Nghị quyết Đại hội "
            "Đảng các cấp nhiệm kỳ 2020-2025.",
            "- Phát hiện biểu dương, tôn vinh, khen thưởng kịp thời các điển hình tiên "
            "tiến trong thực hiện phong trào thi đua.",
            "2. Yêu cầu",
            "- Phong trào thi đua phải được tổ chức triển khai sâu rộng, chất lượng, "
            "hiệu quả và có sức lan tỏa, thu hút nhiều thành phần trong xã hội tham gia, "
            "tạo được sự chuyển biến mạnh mẽ về nhận thức và hành động ở các cấp, các "
            "ngành và gắn với nội dung thi đua cụ thể, thiết thực, phù hợp với tình hình "
            "thực tế của từng cơ quan, đơn vị, địa phương.",
            "- Công tác khen thưởng phải bảo đảm công khai, minh bạch, kịp thời, đúng "
            "đối tượng, đúng thành tích, đúng quy định, chú trọng khen thưởng người lao "
            "động trực tiếp.",
            "II. CHỦ ĐỀ, NỘI DUNG VÀ THỜI GIAN THỰC HIỆN PHONG TRÀO THI ĐUA",
            "1. Đề lập thành tích chào mừng kỷ niệm các sự kiện của tỉnh, Chủ tịch UBND "
            "huyện phát động phong trào thi đua đặc biệt với chủ đề “Thi đua đổi mới, "
            "sáng tạo, lập thành tích cao nhất chào mừng kỷ niệm 115 năm thành lập tỉnh "
            "(28/6/1909-28/6/2024), 75 năm thành lập Đảng bộ tỉnh "
            "(10/10/1949-10/10/2024), 70 năm ngày Bác Hồ gửi thư cho đồng bào và cán bộ "
            "Lai Châu (12/12/1953-12/12/2023), 20 năm chia tách, thành lập tỉnh "
            "(01/01/2004-01/01/2024)”.",
            "2. Nội dung thi đua",
        ],
        "items": [
            {
                "label": "-",
                "text": [
                    "Tiếp tục quán triệt sâu sắc tư tưởng của Chủ tịch Hồ Chí Minh về thi "
                    "đua ái quốc, các chủ trương, chính sách của Đảng, pháp luật của Nhà "
                    "nước về công tác thi đua, khen thưởng, trọng tâm là Chỉ thị số "
                    "34-CT/TW ngày 07/4/2014 của Bộ Chính trị về tiếp tục đổi mới công "
                    "tác thi đua khen thưởng. Tiếp tục nâng cao nhận thức của cán bộ, "
                    "đảng viên và các tầng lớp Nhân dân về vị trí, vai trò của công tác "
                    "thi đua, khen thưởng, trước hết là người đứng đầu cấp ủy, chính "
                    "quyền, đơn vị; làm cho việc tham gia các phong trào thi đua trở "
                    "thành ý thức tự giác, thường xuyên, liên tục ở mỗi cấp, mỗi ngành, "
                    "mỗi địa phương, đơn vị và từng cá nhân; huy động sức mạnh tổng hợp, "
                    "nguồn lực to lớn để thực hiện thắng lợi nhiệm vụ năm 2023 và giai "
                    "đoạn 2020-2025 đã đề ra."
                ],
            },
            {
                "label": "-",
                "text": [
                    "Với tinh thần “Đẩy mạnh đổi mới, sáng tạo; khơi dậy ý chí tự lực, tự "
                    "cường, khát vọng xây dựng cuộc sống ấm no, hạnh phúc, xây dựng huyện "
                    "Tam Đường ngày càng ổn định và phát triển” các cơ quan, đơn vị, địa "
                    "phương trong toàn huyện phải xác định các mục tiêu, nhiệm vụ cụ thể "
                    "và tổ chức thực hiện có hiệu quả các phong trào thi đua trên tất cả "
                    "các lĩnh vực, trong đó tập trung vào một số nội dung trọng tâm sau:"
                ],
                "children": [
                    {
                        "label": "+",
                        "text": [
                            "Thi đua phấn đấu hoàn thành thắng lợi các mục tiêu, "
                            "nhiệm vụ phát triển kinh tế - xã hội của từng đơn vị, "
                            "địa phương trong đó tập trung cao cho thi đua thực "
                            "hiện nhiệm vụ cơ cấu lại nền kinh tế gắn với đổi mới "
                            "mô hình tăng trưởng, nâng cao năng suất, chất lượng, "
                            "hiệu quả và sức cạnh tranh, tạo động lực thúc đẩy kinh "
                            "tế phát triển nhanh và bền vững; thi đua thực hiện các "
                            "nhiệm vụ tăng thu ngân sách nhà nước, phấn đấu hoàn "
                            "thành dự toán thu ngân sách nhà nước năm 2023; thi đua "
                            "quản lý và sử dụng ngân sách tiết kiệm, hiệu quả; thi "
                            "đua tháo gỡ khó khăn, vướng mắc trong quá trình thực "
                            "hiện dự án; thi đua đẩy nhanh tiến độ thực hiện, tiến "
                            "độ giải ngân vốn đầu tư công; thi đua đẩy mạnh cải "
                            "cách hành chính, cải thiện mạnh mẽ môi trường đầu tư "
                            "kinh doanh, tạo sức hấp dẫn mới để thu hút đầu tư; thi "
                            "đua đẩy mạnh và nâng cao hiệu quả các hoạt động xúc "
                            "tiến đầu tư, thương mại và du lịch, huy động tối đa và "
                            "sử dụng hiệu quả các nguồn lực cho đầu tư phát triển; "
                            "thi đua tập trung tháo gỡ kịp thời những khó khăn, "
                            "vướng mắc, xử lý triệt để các vấn đề tồn đọng, kéo "
                            "dài, tạo điều kiện thuận lợi cho doanh nghiệp, nhà đầu "
                            "tư thúc đẩy sản xuất kinh doanh, đầu tư xây dựng; tiếp "
                            "tục đẩy mạnh phong trào thi đua “Chung sức xây dựng "
                            "nông thôn mới”, gắn với thực hiện Chương trình mỗi xã "
                            "một sản phẩm (OCOP)..."
                        ],
                    },
                    {
                        "label": "+",
                        "text": [
                            "Thi đua nâng cao vai trò, trách nhiệm và hành động của "
                            "các cấp, các ngành, của từng cán bộ, đảng viên và các "
                            "tầng lớp Nhân dân trong việc thực hành tiết kiệm, "
                            "chống lãng phí, nhất là trong lập, thẩm định, phê "
                            "duyệt dự toán, quyết toán, quản lý, sử dụng kinh phí "
                            "nhà nước; thi đua thực hành tiết kiệm, chống lãng phí "
                            "trong mua sắm, xây dựng, quản lý tài sản nhà nước; "
                            "trong quản lý, khai thác, sử dụng tài nguyên, phát "
                            "triển bền vững; trong quản lý, sử dụng vốn và tài sản "
                            "nhà nước tại doanh nghiệp; thi đua thực hành tiết "
                            "kiệm, chống lãng phí trong hoạt động sản xuất, kinh "
                            "doanh và tiêu dùng của Nhân dân; thi đua quản lý, sử "
                            "dụng hiệu quả lao động và thời gian lao động trong khu "
                            "vực nhà nước và khu vực ngoài nhà nước."
                        ],
                    },
                    {
                        "label": "+",
                        "text": [
                            "Thi đua đẩy mạnh nghiên cứu, ứng dụng khoa học công "
                            "nghệ và chuyển đổi số; đẩy mạnh chuyên gia, ứng dụng "
                            "thành tựu của cuộc cách mạng công nghiệp lần thứ tư, "
                            "phục vụ sản xuất và đời sống của nhân dân; huy động có "
                            "hiệu quả các nguồn lực để đầu tư hạ tầng số, đáp ứng "
                            "yêu cầu chuyển đổi số trong các ngành, lĩnh vực; thi "
                            "đua nâng cao kiến thức về công nghệ số, kỹ năng chuyển "
                            "đổi số cho cán bộ, công chức, viên chức, chủ doanh "
                            "nghiệp, công nhân lao động và Nhân dân trong huyện."
                        ],
                    },
                    {
                        "label": "+",
                        "text": [
                            "Thi đua đổi mới và nâng cao chất lượng các hoạt động "
                            "văn hóa - xã hội, trọng tâm là đẩy mạnh phong trào "
                            "toàn dân đoàn kết xây dựng đời sống văn hóa; bảo tồn, "
                            "tôn tạo và phát huy các giá trị di sản, văn hóa dân "
                            "tộc; phát triển các thiết chế văn hóa cơ sở, các thiết "
                            "chế văn hóa cho người lao động; thi đua đẩy mạnh phong "
                            "trào thể dục, thể thao quần chúng, tiếp tục duy trì và "
                            "nâng cao chất lượng thể thao thành tích cao; thi đua "
                            "thực hiện đồng bộ, có hiệu quả các giải pháp nâng cao "
                            "chất lượng giáo dục, nâng cao chất lượng giáo dục mũi "
                            "nhọn; thi đua nâng cao chất lượng khám chữa bệnh cho "
                            "Nhân dân, thực hiện nghiêm các biện pháp phòng, chống "
                            "dịch Covid-19 và các loại dịch bệnh mới xuất hiện; "
                            "tiếp tục đổi mới, nâng cao chất lượng phong trào thi "
                            "đua “Cả nước chung tay vì người nghèo - không để ai bị "
                            "bỏ lại phía sau”, khơi dậy ý chí tự lực, tự cường, "
                            "phát huy nội lực vươn lên “thoát nghèo, xây dựng cuộc "
                            "sống ấm no” của người dân và cộng đồng; thi đua thực "
                            "hiện đầy đủ, kịp thời các chính sách an sinh - xã "
                            "hội."
                        ],
                    },
                    {
                        "label": "+",
                        "text": [
                            "Thi đua tăng cường công tác quản lý, khai thác, sử "
                            "dụng hiệu quả, tiết kiệm tài nguyên thiên nhiên; tăng "
                            "cường bảo vệ môi trường, nhất là thi đua quản lý chặt "
                            "chẽ việc giao đất, cho thuê đất, chuyển mục đích sử "
                            "dụng đất; thi đua thực hiện các biện pháp ngăn chặn và "
                            "xử lý kịp thời các trường hợp khai thác, tập kết, vận "
                            "chuyển khoáng sản trái phép; thi đua thực hiện tốt "
                            "công tác phòng, chống thiên tai, tìm kiếm cứu hộ, cứu "
                            "nạn, ứng phó kịp thời và khắc phục, giảm nhẹ hậu quả "
                            "thiên tai. Thi đua tăng cường quản lý nhà nước và tham "
                            "mưu giải quyết có hiệu quả các vấn đề xã hội bức xúc, "
                            "cử tri quan tâm trên các lĩnh vực: quản lý trật tự xây "
                            "dựng, phòng chống ô nhiễm môi trường, đảm bảo vệ sinh "
                            "an toàn thực phẩm, đấu giá quyền sử dụng đất, đấu thầu "
                            "dự án có sử dụng đất, nợ đọng bảo hiểm xã hội, bảo "
                            "hiểm thất nghiệp."
                        ],
                    },
                    {
                        "label": "+",
                        "text": [
                            "Thi đua thực hiện tốt các nhiệm vụ quốc phòng - an "
                            "ninh, tạo môi trường ổn định, an toàn cho phát triển "
                            "kinh tế - xã hội; nâng cao chất lượng các phong trào "
                            "“Thi đua quyết thắng”, “Công an nhân dân học tập, thực "
                            "hiện 6 điều Bác Hồ dạy”, “Toàn dân bảo vệ an ninh Tổ "
                            "quốc”. Tiếp tục thi đua xây dựng và củng cố nền quốc "
                            "phòng toàn dân, gắn với thế trận an ninh nhân dân, xây "
                            "dựng khu vực phòng thủ vững chắc; thi đua tăng cường "
                            "đấu tranh, trấn áp các loại tội phạm, không để tội "
                            "phạm gia tăng; thi đua thực hiện tốt công tác đảm bảo "
                            "an toàn giao thông, phòng, chống cháy nổ."
                        ],
                    },
                    {
                        "label": "+",
                        "text": [
                            "Tiếp tục thi đua đẩy mạnh việc “Học tập và làm theo tư "
                            "tưởng, đạo đức, phong cách Hồ Chí Minh” gắn với các "
                            "phong trào thi đua chuyên đề; tích cực đổi mới phương "
                            "thức lãnh đạo của các cấp ủy đảng, năng lực quản lý, "
                            "điều hành của chính quyền các cấp, xây dựng tổ chức "
                            "Đảng, hệ thống chính trị trong sạch, vững mạnh; thi "
                            "đua nâng cao năng lực lãnh đạo, sức chiến đấu của các "
                            "tổ chức cơ sở Đảng, đội ngũ cán bộ, đảng viên; thi đua "
                            "thực hiện rà soát, sắp xếp, kiện toàn tổ chức bộ máy "
                            "hướng tinh gọn, hoạt động hiệu lực, hiệu quả; thi đua "
                            "cơ cấu lại và nâng cao chất lượng đội ngũ cán bộ, công "
                            "chức, viên chức, người lao động trong các cơ quan "
                            "Đảng, chính quyền, MTTQ, các tổ chức đoàn thể và các "
                            "đơn vị sự nghiệp công lập. Thi đua thực hiện tốt công "
                            "tác tiếp dân, tiếp nhận và xử lý, giải quyết kịp thời "
                            "đơn thư khiếu nại, tố cáo, phản ánh, kiến nghị của "
                            "Nhân dân; thi đua đẩy mạnh công tác phòng, chống tham "
                            "nhũng, lãng phí, tiêu cực."
                        ],
                    },
                    {
                        "label": "+",
                        "text": [
                            "Thi đua chấp hành nghiêm kỷ luật, kỷ cương hành chính, "
                            "trách nhiệm, chủ động, sáng tạo, linh hoạt trong tham "
                            "mưu, giải quyết công việc được giao. Tiếp tục nâng cao "
                            "chất lượng công tác thi đua - khen thưởng; thường "
                            "xuyên quan tâm phát hiện, bồi dưỡng các nhân tố, điển "
                            "hình mới, nhân rộng điển hình tiên tiến. Các cơ quan "
                            "thông tin truyền thông tích cực đổi mới, đa dạng hóa "
                            "phương thức, tăng thời lượng và đẩy mạnh tuyên truyền "
                            "về công tác thi đua – khen thưởng, nhất là các điển "
                            "hình tiên tiến, gương người tốt, việc tốt trong các "
                            "phong trào thi đua trên địa bàn huyện."
                        ],
                    },
                    {
                        "label": "+",
                        "text": [
                            "Phân đầu lựa chọn đầu tư xây dựng, hoàn thiện 01 công "
                            "trình chào mừng các sự kiện lịch sử; các xã, thị trấn "
                            "phát động Nhân dân với sự hỗ trợ của Nhà nước lựa chọn "
                            "và tập trung xây dựng 01 công trình có ý nghĩa thiết "
                            "thực phục vụ phát triển kinh tế, xã hội và đời sống "
                            "của Nhân dân."
                        ],
                    },
                ],
            },
            {
                "label": "-",
                "text": [
                    "Tiếp tục đổi mới công tác thi đua, khen thưởng theo tinh thần Chỉ "
                    "thị số 34-CT/TW ngày 07 tháng 4 năm 2014 của Bộ Chính trị (khoá XI) "
                    "và Chỉ thị số 32-CT/TU ngày 26/6/2014 của Tỉnh ủy “Về tiếp tục đổi "
                    "mới công tác thi đua, khen thưởng”; xây dựng chương trình, kế hoạch, "
                    "biện pháp thực hiện các phong trào thi đua yêu nước đảm bảo phù hợp "
                    "với điều kiện thực tiễn, với hình thức đa dạng, nội dung phong phú, "
                    "bám sát các chỉ tiêu, nhiệm vụ trọng tâm, trọng điểm; các tiêu chí "
                    "thi đua phải cụ thể, rõ ràng, mang tính định lượng, tạo bước đột "
                    "phá, góp phần hoàn thành xuất sắc nhiệm vụ của từng cấp, ngành, đơn "
                    "vị, địa phương. Nâng cao hơn nữa nhận thức về vai trò, vị trí và tầm "
                    "quan trọng của thi đua, khen thưởng trong thực hiện nhiệm vụ, mục "
                    "tiêu phát triển kinh tế - xã hội, bảo đảm quốc phòng - an ninh và "
                    "công tác đối ngoại."
                ],
            },
            {
                "label": "-",
                "text": [
                    "Tiếp tục nâng cao vai trò lãnh đạo của các cấp ủy Đảng, người đứng "
                    "đầu các cơ quan, đơn vị, đoàn thể, tổ chức trong công tác thi đua, "
                    "khen thưởng; quan tâm kiện toàn, bồi dưỡng, nâng cao trình độ chuyên "
                    "môn nghiệp vụ, năng lực công tác của đội ngũ cán bộ làm công tác thi "
                    "đua, khen thưởng trên địa bàn huyện."
                ],
            },
            {
                "label": "-",
                "text": [
                    "Theo dõi, hướng dẫn, đôn đốc kiểm tra việc tổ chức thực hiện các "
                    "phong trào thi đua, điều chỉnh, bổ sung mục tiêu, nhiệm vụ để sớm "
                    "hoàn thành và đạt chất lượng các những nhiệm vụ đã đề ra. Kịp thời "
                    "phát hiện, nhân rộng cách làm hay, điển hình tiên tiến tiêu biểu, "
                    "xuất sắc trong phong trào thi đua, đồng thời chấn chỉnh, phê bình "
                    "những nơi chưa thực hiện tốt phong trào thi đua."
                ],
            },
        ],
        "closing": [
            "2. Thời gian thi đua",
            "Phong trào thi đua đặc biệt lập thành tích chào mừng kỷ niệm các sự kiện "
            "lịch sử của tỉnh được triển khai, thực hiện từ nay đến ngày 30/10/2023. Kết "
            "thúc phong trào thi đua, Hội đồng Thi đua, khen thưởng huyện đề nghị cấp có "
            "thẩm quyền biểu dương, tôn vinh, khen thưởng các điển hình tiên tiến trong "
            "thực hiện phong trào thi đua.",
            "III. TỔ CHỨC THỰC HIỆN",
            "1. Thủ trưởng các cơ quan, ban, ngành, đoàn thể huyện, Chủ tịch UBND các xã, "
            "thị trấn trên cơ sở chức năng, nhiệm vụ tổ chức thực hiện tốt những nội dung "
            "của Kế hoạch này. Làm tốt công tác tuyên truyền, phổ biến mục tiêu, nội dung "
            "thi đua đến toàn thể cán bộ, đảng viên, công chức, viên chức, người lao "
            "động, chiến sỹ, lực lượng vũ trang và các tầng lớp nhân dân để tích cực tham "
            "gia hưởng ứng phong trào thi đua. Tổ chức đôn đốc, kiểm tra, giám sát, tổng "
            "kết và tôn vinh, khen thưởng kịp thời các điển hình tiên tiến trong thực "
            "hiện phong trào thi đua các tập thể, cá nhân tiêu biểu, xuất sắc, tạo sự "
            "phấn khởi và động viên tinh thần hăng hái thi đua lao động sản xuất, học tập "
            "và công tác của các đối tượng tham gia thi đua.",
            "2. Giao Phòng Nội vụ huyện hướng dẫn, theo dõi, đôn đốc việc triển khai thực "
            "hiện Kế hoạch này, kết thúc đợt thi đua tổng hợp báo cáo UBND huyện, Hội "
            "đồng TĐKT huyện; chủ trì phối hợp với các cơ quan, đơn vị liên quan tổng "
            "hợp, thẩm định hồ sơ khen thưởng trình Hội đồng Thi đua, Khen thưởng huyện "
            "họp bình xét và hoàn thiện hồ sơ đề nghị cấp có thẩm quyền khen thưởng cho "
            "các tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua (nếu "
            "có).",
            "3. Phòng Văn hóa và Thông tin huyện chủ trì, phối hợp với Trung tâm Văn hóa, "
            "Thể thao và Truyền thông và các đơn vị liên quan thực hiện tốt công tác "
            "tuyên truyền về các hoạt động kỷ niệm các sự kiện lịch sử của tỉnh năm 2023, "
            "2024; tuyên truyền giáo dục những quan điểm, chủ trương của Đảng, chính "
            "sách, pháp luật của Nhà nước và tư tưởng Hồ Chí Minh về thi đua yêu nước; "
            "các nội dung, mục tiêu của phong trào thi đua theo kế hoạch này; tích cực "
            "tuyên truyền giới thiệu gương người tốt, việc tốt, các điển hình tiên tiến, "
            "cách làm hay, mô hình có hiệu quả, các công trình, dự án trọng điểm chào "
            "mừng kỷ niệm các sự kiện lịch sử của tỉnh.",
            "4. Phòng Tài chính - Kế hoạch huyện căn cứ vào Kế hoạch này tham mưu UBND "
            "huyện xây dựng kinh phí tổ chức thực hiện phong trào thi đua chào mừng Kỷ "
            "niệm các sự kiện lịch sử của tỉnh năm 2023, 2024.",
            "5. Đề nghị Ủy ban Mặt trận Tổ quốc và các đoàn thể huyện tăng cường tuyên "
            "truyền, vận động đoàn viên, hội viên, quần chúng Nhân dân phát huy truyền "
            "thống đoàn kết, tích cực hưởng ứng, tham gia phong trào thi đua, tạo không "
            "khí thi đua sôi nổi, góp phần thực hiện thắng lợi nhiệm vụ phát triển kinh "
            "tế - xã hội năm 2023, 2024.",
            "Trên đây là Kế hoạch Phát động phong trào thi đua đặc biệt lập thành tích "
            "chào mừng kỷ niệm các sự kiện lịch sử của tỉnh Lai Châu; UBND huyện đề nghị "
            "Thủ trưởng các cơ quan, ban, ngành, đoàn thể huyện; Chủ tịch UBND các xã, "
            "thị trấn nghiêm túc tổ chức triển khai, thực hiện./.",
        ],
        "recipients": [],
        "distribution": [
            ("Hội đồng TĐKT tỉnh;", "b/c"),
            ("Sở Nội vụ;", "b/c"),
            ("TT. Huyện ủy;", "b/c"),
            ("TT. HĐND huyện;", "b/c"),
            ("Chủ tịch, các Phó Chủ tịch UBND huyện;", ""),
            ("Các cơ quan, ban, ngành, đoàn thể huyện;", ""),
            ("UBND các xã, thị trấn;", ""),
            ("Các doanh nghiệp địa bàn huyện;", ""),
            ("Lưu: VT, NV.", ""),
        ],
        "signing_authority": "TM. ỦY BAN NHÂN DÂN",
        "signer_title": "CHỦ TỊCH",
        "signer_name": "Sùng Lữ Páo",
    },
    "001": {
        "source": "seed:001",
        "issuer": "ubnd-tan-uyen",
        "document_type": "Phát động thi đua",
        "number": "",
        "symbol": "",
        "place": "",
        "issued_on": None,
        "issued_month": None,
        "issued_year": None,
        "subject": "Đảng bộ, chính quyền và Nhân dân các dân tộc huyện Tân Uyên đẩy mạnh đổi mới "
        "sáng tạo, khơi dậy ý chí tự lực, tự cường; khát vọng xây dựng cuộc sống ấm no "
        "hạnh phúc; đưa Tân Uyên phát triển nhanh và bền vững, quyết tâm thi đua lập "
        "thành tích xuất sắc chào mừng các sự kiện lịch sử của tỉnh Lai Châu trong năm "
        "2024",
        "theme": "Đảng bộ, chính quyền và Nhân dân các dân tộc huyện Tân Uyên đẩy mạnh đổi mới "
        "sáng tạo, khơi dậy ý chí tự lực, tự cường; khát vọng xây dựng cuộc sống ấm no "
        "hạnh phúc; đưa Tân Uyên phát triển nhanh và bền vững, quyết tâm thi đua lập "
        "thành tích xuất sắc chào mừng các sự kiện lịch sử của tỉnh Lai Châu",
        "kind": "thematic",
        "is_special": True,
        "start_date": None,
        "end_date": datetime.date(2024, 12, 31),
        "time_frame": "Từ nay đến hết năm 2024",
        "preamble": [
            "Thực hiện Kế hoạch số 109-KH/HU, ngày 01/7/2022 của Ban Thường vụ Huyện ủy "
            "về tuyên truyền, tổ chức các phong trào thi đua, các hoạt động chào mừng "
            "các sự kiện lịch sử của tỉnh trong năm 2024,",
            "Nhằm phát huy thành tích đã đạt được, lập thành tích xuất sắc để chào mừng "
            "các ngày lễ lớn: Kỷ niệm 115 năm ngày thành lập tỉnh Lai Châu "
            "(28/6/1909-28/6/2024), kỷ niệm 75 năm ngày thành lập Đảng bộ tỉnh Lai Châu "
            "(10/10/1949-10/10/2024), 70 năm ngày Bác Hồ gửi thư cho đồng bào và cán bộ "
            "Lai Châu (12/12/1953 - 12/12/2023), kỷ niệm 20 năm chia tách, thành lập "
            "tỉnh (01/01/2004-01/01/2024)... Ủy ban nhân dân huyện Tân Uyên chính thức "
            "phát động phong trào thi đua với chủ đề “Đảng bộ, chính quyền và Nhân dân "
            "các dân tộc huyện Tân Uyên đẩy mạnh đổi mới sáng tạo, khơi dậy ý chí tự "
            "lực, tự cường; khát vọng xây dựng cuộc sống ấm no hạnh phúc; đưa Tân Uyên "
            "phát triển nhanh và bền vững, quyết tâm thi đua lập thành tích xuất sắc "
            "chào mừng các sự kiện lịch sử của tỉnh Lai Châu”.",
            "Trong đó, tập trung vào các nội dung chủ yếu sau:",
        ],
        "items": [
            {
                "label": "Một là,",
                "text": [
                    "tiếp tục quán triệt, tuyên truyền sâu rộng về đường lối, chủ trương "
                    "của Đảng, chính sách, pháp luật của Nhà nước trên tất cả các lĩnh "
                    "vực phát triển kinh tế - xã hội, quốc phòng - an ninh và các phong "
                    "trào thi đua yêu nước. Mặt trận Tổ quốc, các đoàn thể Nhân dân vận "
                    "động đoàn viên, hội viên tham gia hưởng ứng tích cực các phong trào "
                    "thi đua yêu nước gắn với đẩy mạnh việc “Học tập và làm theo tư "
                    "tưởng, đạo đức, phong cách Hồ Chí Minh”, động viên các tầng lớp Nhân "
                    "dân nỗ lực, phấn đấu thực hiện thắng lợi các chỉ tiêu, nhiệm vụ phát "
                    "triển kinh tế - xã hội, tạo động lực để tập trung mọi nguồn lực đầu "
                    "tư phát triển, chuyển dịch cơ cấu kinh tế, phát triển kinh tế bền "
                    "vững từ nay đến hết năm 2024."
                ],
            },
            {
                "label": "Hai là,",
                "text": [
                    "thi đua thực hiện tốt Chỉ thị số 09/CT-UBND ngày 31/8/2021 của UBND "
                    "huyện phát động thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh "
                    "tế - xã hội hằng năm và Kế hoạch 5 năm (2021- 2025) theo Nghị quyết "
                    "Đại hội Đảng bộ huyện Tân Uyên lần thứ XVIII. Phát huy sức mạnh tổng "
                    "hợp của Đảng bộ, chính quyền, Mặt trận Tổ quốc, đoàn thể các cấp, "
                    "các doanh nghiệp, lực lượng vũ trang, Nhân dân các dân tộc và những "
                    "tiềm năng, lợi thế của tỉnh để tăng năng suất, chất lượng, hiệu quả, "
                    "đẩy mạnh sản xuất, kinh doanh, tăng cường công tác quốc phòng, an "
                    "ninh, giữ gìn trật tự an toàn xã hội. Phấn đấu đến hết năm 2024, cơ "
                    "bản hoàn thành các mục tiêu, chỉ tiêu kế hoạch phát triển kinh tể - "
                    "xã hội giai đoạn 2021-2025.",
                    "Tiếp tục duy trì và phát huy các thành tích đã đạt được trong phong "
                    "trào “Huyện Tân Uyên chung sức xây dựng nông thôn mới”. Chú trọng, "
                    "tập trung hơn nữa vào phong trào “Lai Châu chung tay vì người nghèo "
                    "- không để ai bị bỏ lại phía sau”, nuôi dưỡng, tạo điều kiện tối đa "
                    "để phong trào “Doanh nghiệp Lai Châu hội nhập và phát triển” đến "
                    "được với các doanh nghiệp trên địa bàn; đội ngũ cán bộ, công chức, "
                    "viên chức trên địa bàn huyện cần quyết tâm và phấn đấu nỗ lực hơn để "
                    "tạo thành tích thi đua tốt trong phong trào “Cán bộ, công chức, viên "
                    "chức tỉnh Lai Châu thi đua thực hiện văn hóa công sở’...",
                    "Mỗi cơ quan, đơn vị, UBND các xã, thị trấn lựa chọn một số phong "
                    "trào thiết thực nhất để phát động sâu rộng đến toàn thể cán bộ, công "
                    "chức, viên chức, chiến sỹ các lực lượng vũ trang và tầng lớp Nhân "
                    "dân để tổ chức triển khai thực hiện có hiệu quả; kịp thời phát hiện, "
                    "bồi dưỡng và nhân rộng các điển hình tiên tiến; gương “Người tốt, "
                    "việc tốt” tạo khí thế thi đua sôi nổi, cổ vũ mọi người phát huy tinh "
                    "thần sáng tạo, dám nghĩ, dám làm, quyết tâm phấn đấu hoàn thành vượt "
                    "mức các chỉ tiêu kế hoạch, nhiệm vụ của mỗi cơ quan, đơn vị với năng "
                    "suất, chất lượng, hiệu quả cao nhất.",
                ],
            },
            {
                "label": "Ba là,",
                "text": [
                    "đẩy mạnh hơn nữa công tác tuyên truyền: Tuyên truyền sâu rộng về "
                    "lịch sử truyền thống 115 năm ngày thành lập tỉnh, 75 năm ngày thành "
                    "lập Đảng bộ tỉnh, 20 năm chia tách, thành lập tỉnh bằng nhiều hình "
                    "thức nhằm nâng cao nhận thức và hành động, niềm tự hào và tình yêu "
                    "quê hương đất nước, phát huy sức mạnh đại đoàn kết dân tộc. Đồng "
                    "thời tuyên truyền về những thành quả, đóng góp to lớn của Đảng bộ, "
                    "quân và dân các dân tộc tỉnh Lai Châu đối với sự nghiệp giải phóng "
                    "dân tộc, xây dựng và bảo vệ tổ quốc, công cuộc đổi mới đất nước. Qua "
                    "đó, củng cố, tăng cường niềm tin của Nhân dân đối với Đảng, Nhà nước "
                    "và chế độ. Lựa chọn những việc cụ thể, những điển hình tiên tiến, mô "
                    "hình mới, cách làm hay để tuyên truyền, nhân rộng. Đây là dịp để "
                    "tăng cường tuyên truyền, giáo dục, quảng bá với Nhân dân các dân tộc "
                    "trên địa bàn tỉnh, các tỉnh trong khu vực và cả nước về hình ảnh của "
                    "Lai Châu trong giai đoạn hiện nay và là cơ hội để các cấp, các ngành "
                    "thể hiện quyết tâm kề vai sát cánh cùng Đảng bộ, chính quyền và Nhân "
                    "dân các dân tộc trong tỉnh thi đua xây dựng Lai Châu ngày càng phát "
                    "triển, giàu mạnh. Hưởng ứng tham gia cuộc thi tìm hiểu lịch sử 115 "
                    "năm ngày thành lập tỉnh, 75 năm thành lập Đảng bộ tỉnh, 20 năm chia "
                    "tách, thành lập tỉnh."
                ],
            },
        ],
        "closing": [
            "Phong trào thi đua đặc biệt với chủ đề “Đảng bộ, chính quyền và Nhân dân các "
            "dân tộc huyện Tân Uyên đẩy mạnh đổi mới sáng tạo, khơi dậy ý chí tự lực, tự "
            "cường; khát vọng xây dựng cuộc sống ấm no hạnh phúc; đưa Tân Uyên phát triển "
            "nhanh và bền vững, quyết tâm thi đua lập thành tích xuất sắc chào mừng các "
            "sự kiện lịch sử của tỉnh Lai Châu” được triển khai, thực hiện đồng bộ, sâu "
            "rộng trên địa bàn toàn huyện. Kết thúc phong trào thi đua, Hội đồng Thi đua, "
            "Khen thưởng huyện tiến hành tổng kết, đánh giá, rút ra những bài học kinh "
            "nghiệm trong tổ chức, chỉ đạo phong trào thi đua; đồng thời có hình thức "
            "khen thưởng phù hợp để biểu dương, tôn vinh các điển hình tiên tiến trong "
            "thực hiện phong trào thi đua.",
            "Để phong trào thi đua có ý nghĩa thiết thực, đề nghị ủy ban MTTQ, các đoàn "
            "thể chinh trị và các tổ chức xã hội phối hợp chặt chẽ với chính quyền các "
            "cấp, phát huy sức mạnh khối đại đoàn kết trong việc vận động cán bộ, công "
            "chức, viên chức, người lao động và các tầng lớp Nhân dân tích cực hưởng ứng "
            "và thực hiện phong trào thi đua. Mỗi cơ quan, đơn vị, doanh nghiệp, xã, "
            "phường, thị trấn, thôn, bản, tổ dân phố lựa chọn những nội dung sát với thực "
            "tế để phát động thi đua cụ thể. Thực hiện thật tốt việc tổ chức các phong "
            "trào thi đua; biểu dương, khen thưởng kịp thời, nhân rộng các điển hình tiến "
            "tiến để công tác thi đua thực sự là động lực, động viên các cấp, các ngành, "
            "các cơ quan, đơn vị và toàn dân phấn đấu lập thành tích xuất sắc chào mừng "
            "kỷ niệm các ngày lễ lớn của tỉnh trong năm 2024.",
            "Với tinh thần đó, Ủy ban nhân dân huyện kêu gọi toàn thể cán bộ, chiến sỹ, "
            "đảng viên, các doanh nghiệp và Nhân dân các dân tộc trong huyện phát huy "
            "truyền thống yêu nước, sức mạnh đoàn kết, phát huy trí tuệ, ra sức thi đua "
            "lập thành tích cao nhất, thực hiện thắng lợi các nội dung thi đua và hoàn "
            "thành vượt mức các mục tiêu, nhiệm vụ phát triển kinh tế xã hội, đảm bảo "
            "quốc phòng an ninh trong những năm tới, góp phần đưa Lai Châu nói chung và "
            "huyện Tân Uyên từng bước phát triển ổn định và bền vững./.",
        ],
        "recipients": [],
        "distribution": [
            ("Ban TĐKT tỉnh;", "B/c"),
            ("TT. Huyện ủy;", "B/c"),
            ("TT. HĐND huyện;", "B/c"),
            ("Chủ tịch, các PCT UBND huyện;", ""),
            ("Cổng Thông tin điện tử huyện;", "đăng tải"),
            ("Các cơ quan, ban ngành, đoàn thể huyện;", ""),
            ("Các doanh nghiệp, hợp tác xã trong huyện;", ""),
            ("UBND các xã, thị trấn;", ""),
            ("Lưu: VT, NV.", ""),
        ],
        "signing_authority": "TM. ỦY BAN NHÂN DÂN",
        "signer_title": "CHỦ TỊCH",
        "signer_name": "Nguyễn Thanh Văn",
    },
    "004": {
        "source": "seed:004",
        "issuer": "ubnd-tinh-lai-chau",
        "document_type": "Chỉ thị",
        "number": "09",
        "symbol": "CT-UBND",
        "place": "Lai Châu",
        "issued_on": datetime.date(2024, 12, 31),
        "issued_month": None,
        "issued_year": None,
        "subject": "Về việc phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển "
        "kinh tế - xã hội, đảm bảo quốc phòng - an ninh năm 2025",
        "theme": "Đoàn kết, kỷ cương, trách nhiệm, sáng tạo, phát triển thi đua phấn đấu hoàn "
        "thành xuất sắc nhiệm vụ phát triển kinh tế - xã hội năm 2025, góp phần hoàn "
        "thành các chỉ tiêu kinh tế - xã hội giai đoạn (2021 - 2025)",
        "kind": "regular",
        "is_special": False,
        "start_date": datetime.date(2025, 1, 1),
        "end_date": datetime.date(2025, 12, 31),
        "time_frame": "Năm 2025",
        "preamble": [
            "Nhằm phát huy sức mạnh tổng hợp của cả hệ thống chính trị, tạo khí thế thi "
            "đua sôi nổi và rộng khắp trên tất cả các lĩnh vực của đời sống xã hội, lập "
            "thành tích chào mừng đại hội đảng bộ các cấp tiến tới Đại hội Đại biểu toàn "
            "quốc lần thứ XIV của Đảng, đại hội thi đua yêu nước các cấp tiến tới Đại "
            "hội Thi đua yêu nước toàn quốc lần thứ XI và các ngày lễ lớn trong năm "
            "2025; Chủ tịch UBND tỉnh phát động phong trào thi đua yêu nước tới toàn thể "
            "các tầng lớp nhân dân, cán bộ, công chức, viên chức và lực lượng vũ trang "
            "trong toàn tỉnh với chủ đề: “Đoàn kết, kỷ cương, trách nhiệm, sáng tạo, "
            "phát triển thi đua phấn đấu hoàn thành xuất sắc nhiệm vụ phát triển kinh tế "
            "- xã hội năm 2025, góp phần hoàn thành các chỉ tiêu kinh tế - xã hội giai "
            "đoạn (2021 - 2025)”."
        ],
        "items": [
            {
                "label": "1.",
                "text": [
                    "Tiếp tục quán triệt, tuyên truyền sâu rộng tư tưởng của Chủ tịch Hồ "
                    "Chí Minh về thi đua yêu nước, chủ trương của Đảng, chính sách, pháp "
                    "luật của Nhà nước về thi đua, khen thưởng."
                ],
            },
            {
                "label": "2.",
                "text": [
                    "Cấp ủy và tổ chức đảng tiếp tục đổi mới phương thức lãnh đạo của "
                    "Đảng đối với hệ thống chính trị. Triển khai thực hiện đồng bộ, hiệu "
                    "quả các nhiệm vụ, giải pháp trọng tâm."
                ],
            },
            {
                "label": "3.",
                "text": [
                    "Tiếp tục đẩy mạnh các phong trào thi đua do Thủ tướng Chính phủ phát "
                    "động và các phong trào thi đua của tỉnh."
                ],
            },
            {
                "label": "4.",
                "text": [
                    "Tiếp tục đổi mới công tác thi đua, khen thưởng theo tinh thần Chỉ "
                    "thị số 34-CT/TW ngày 7/4/2014 của Bộ Chính trị thực hiện có hiệu quả "
                    "phong trào thi đua trên mọi lĩnh vực của đời sống xã hội."
                ],
            },
            {
                "label": "5.",
                "text": [
                    "Tăng cường sự lãnh đạo của cấp ủy Đảng, vai trò, trách nhiệm của "
                    "chính quyền, đoàn thể và người đứng đầu trong việc tổ chức các phong "
                    "trào thi đua và thực hiện chính sách, pháp luật về thi đua, khen "
                    "thưởng."
                ],
            },
            {
                "label": "6.",
                "text": [
                    "Tổ chức tốt Đại hội thi đua, hội nghị điển hình tiên tiến các cấp, "
                    "các ngành và Đại hội Thi đua yêu nước tỉnh Lai Châu lần thứ VI, tạo "
                    "động lực, khí thế thi đua sôi nổi trước thềm Đại hội đảng bộ các cấp "
                    "tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng."
                ],
            },
            {
                "label": "7.",
                "text": [
                    "Tiếp tục thực hiện có hiệu quả chương trình phối hợp giữa cơ quan "
                    "làm công tác thi đua, khen thưởng với các cơ quan thông tin, truyền "
                    "thông. Các cơ quan thông tin đại chúng trên địa bàn tỉnh tiếp tục "
                    "đẩy mạnh công tác tuyên truyền các chủ trương, chính sách của Đảng, "
                    "pháp luật của Nhà nước về thi đua, khen thưởng."
                ],
            },
        ],
        "closing": [
            "Chủ tịch UBND tỉnh Lai Châu yêu cầu Thủ trưởng các cơ quan, đơn vị, địa "
            "phương tổ chức thực hiện chỉ thị này; báo cáo UBND tỉnh (qua Sở Nội vụ) kết "
            "quả triển khai thực hiện theo quy định."
        ],
        "recipients": [],
        "distribution": [],
        "signing_authority": "",
        "signer_title": "CHỦ TỊCH",
        "signer_name": "",
    },
}

D = datetime.date

ANNIVERSARIES = {
    "000": [
        ("95 năm ngày thành lập Đảng Cộng sản Việt Nam", D(1930, 2, 3), D(2025, 2, 3)),
        ("50 năm giải phóng miền Nam, thống nhất đất nước", D(1975, 4, 30), D(2025, 4, 30)),
        ("135 năm ngày sinh Chủ tịch Hồ Chí Minh", D(1890, 5, 19), D(2025, 5, 19)),
        ("80 năm thành lập nước Cộng hoà XHCN Việt Nam", D(1945, 9, 2), D(2025, 9, 2)),
        ("77 năm ngày Bác Hồ ra lời kêu gọi thi đua ái quốc", D(1948, 6, 1), D(2025, 6, 1)),
    ],
    "001": [
        ("115 năm ngày thành lập tỉnh Lai Châu", D(1909, 6, 28), D(2024, 6, 28)),
        ("75 năm ngày thành lập Đảng bộ tỉnh Lai Châu", D(1949, 10, 10), D(2024, 10, 10)),
        (
            "70 năm ngày Bác Hồ gửi thư cho đồng bào và cán bộ Lai Châu",
            D(1953, 12, 12),
            D(2023, 12, 12),
        ),
        ("20 năm chia tách, thành lập tỉnh", D(2004, 1, 1), D(2024, 1, 1)),
    ],
    "002": [
        # The document names these without date ranges.
        ("95 năm ngày thành lập Đảng Cộng sản Việt Nam", None, None),
        ("50 năm Giải phóng hoàn toàn miền Nam, thống nhất đất nước", None, None),
        ("80 năm Cách mạng tháng 8 thành công và Quốc khánh 2/9", None, None),
    ],
    "003": [
        ("115 năm thành lập tỉnh", D(1909, 6, 28), D(2024, 6, 28)),
        ("75 năm thành lập Đảng bộ tỉnh", D(1949, 10, 10), D(2024, 10, 10)),
        (
            "70 năm ngày Bác Hồ gửi thư cho đồng bào và cán bộ Lai Châu",
            D(1953, 12, 12),
            D(2023, 12, 12),
        ),
        ("20 năm chia tách, thành lập tỉnh", D(2004, 1, 1), D(2024, 1, 1)),
    ],
    "004": [],
}

# relation, doc_type, number, symbol, issued_on, issuer_name, subject
REFERENCES = {
    "000": [
        (
            "implements",
            "Công văn",
            "2563",
            "UBND-TH",
            D(2024, 7, 4),
            "UBND tỉnh Lai Châu",
            "về phát động phong trào thi đua lập thành tích chào mừng Đại hội Đảng bộ các cấp, "
            "Đại hội thi đua yêu nước",
        ),
        (
            "cited",
            "Chỉ thị",
            "34-CT",
            "TW",
            D(2014, 4, 7),
            "Bộ Chính trị",
            "về tiếp tục đổi mới công tác thi đua khen thưởng",
        ),
        ("cited", "Kết luận", "01-KL", "TW", D(2021, 5, 18), "", ""),
        ("cited", "Chỉ thị", "05-CT", "TW", D(2016, 5, 15), "Bộ Chính trị", ""),
        ("cited", "Chỉ thị", "35-CT", "TW", D(2024, 6, 14), "Bộ Chính trị", ""),
    ],
    "001": [
        (
            "implements",
            "Kế hoạch",
            "109-KH",
            "HU",
            D(2022, 7, 1),
            "Ban Thường vụ Huyện ủy Tân Uyên",
            "về tuyên truyền, tổ chức các phong trào thi đua, các hoạt động chào mừng các sự kiện "
            "lịch sử của tỉnh trong năm 2024",
        ),
        (
            "cited",
            "Chỉ thị",
            "09",
            "CT-UBND",
            D(2021, 8, 31),
            "UBND huyện Tân Uyên",
            "phát động thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội hằng năm "
            "và Kế hoạch 5 năm (2021- 2025)",
        ),
    ],
    "002": [
        (
            "cited",
            "Chỉ thị",
            "34-CT",
            "TW",
            D(2014, 4, 7),
            "Bộ Chính trị",
            "về việc “Tiếp tục đổi mới công tác thi đua, khen thưởng”",
        ),
        (
            "cited",
            "Chỉ thị",
            "09",
            "CT-UBND",
            D(2021, 8, 11),
            "Chủ tịch UBND tỉnh Lai Châu",
            "về phát động thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội hàng "
            "năm và Kế hoạch 5 năm (2021-2025)",
        ),
        ("cited", "Nghị quyết", "29-NQ", "TW", None, "Ban Chấp hành Trung ương Đảng (khóa XI)", ""),
        ("cited", "Nghị quyết", "04-NQ", "TW", D(2016, 10, 30), "Ban Chấp hành TW Đảng", ""),
    ],
    "003": [
        (
            "legal_basis",
            "Công văn",
            "1954",
            "UBND-TH",
            D(2023, 5, 30),
            "Ủy ban nhân dân tỉnh Lai Châu",
            "về phát động phong trào thi đua đặc biệt lập thành tích chào mừng kỷ niệm các sự "
            "kiện lịch sử của tỉnh",
        ),
        ("cited", "Chỉ thị", "34-CT", "TW", D(2014, 4, 7), "Bộ Chính trị (khoá XI)", ""),
        (
            "cited",
            "Chỉ thị",
            "32-CT",
            "TU",
            D(2014, 6, 26),
            "Tỉnh ủy",
            "Về tiếp tục đổi mới công tác thi đua, khen thưởng",
        ),
    ],
    "004": [
        ("cited", "Chỉ thị", "34-CT", "TW", D(2014, 4, 7), "Bộ Chính trị", ""),
    ],
}

# child seed -> parent seed: the city's 2025 campaign answers the province's Chỉ thị 09.
PARENTS = {"002": "004"}
