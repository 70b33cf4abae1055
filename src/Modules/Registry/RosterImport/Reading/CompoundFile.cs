using System.Buffers.Binary;
using System.Text;

namespace Bangfu.Registry.RosterImport.Reading;

/// <summary>
/// Just enough of the OLE2 compound file format ([MS-CFB]) to tell a legacy .xls workbook from an encrypted xlsx:
/// both start with the same signature, but an Office-encrypted OOXML file keeps the package in a stream named
/// "EncryptedPackage" beside "EncryptionInfo" ([MS-OFFCRYPTO] §2.3.4.4), where an .xls has "Workbook" or "Book".
/// </summary>
internal static class CompoundFile
{
    private const uint LastRegularSector = 0xFFFFFFFA;
    private const int MaxDirectorySectors = 256;

    public static ReadOnlySpan<byte> Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Whether the directory names an encrypted package. Reads the header, the directory chain and the FAT
    /// sectors it needs; false for anything it cannot follow.</summary>
    public static bool IsEncryptedPackage(Stream stream)
    {
        try
        {
            Span<byte> header = stackalloc byte[512];
            stream.Position = 0;
            if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length) return false;
            var sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(header[0x1E..]);
            if (sectorShift is not (9 or 12)) return false;
            var sectorSize = 1 << sectorShift;
            var sector = BinaryPrimitives.ReadUInt32LittleEndian(header[0x30..]);
            var entriesPerFatSector = sectorSize / 4;
            var buffer = new byte[sectorSize];
            for (var visited = 0; sector < LastRegularSector && visited < MaxDirectorySectors; visited++)
            {
                if (!ReadSector(stream, sector, buffer)) return false;
                for (var entry = 0; entry + 128 <= sectorSize; entry += 128)
                {
                    var nameBytes = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(entry + 0x40));
                    if (nameBytes is < 2 or > 64) continue;
                    var name = Encoding.Unicode.GetString(buffer, entry, nameBytes - 2);
                    if (name is "EncryptedPackage" or "EncryptionInfo") return true;
                }
                // Next directory sector from the FAT; only the 109 FAT sectors listed in the header are followed.
                var fatIndex = (int)(sector / (uint)entriesPerFatSector);
                if (fatIndex >= 109) return false;
                var fatSector = BinaryPrimitives.ReadUInt32LittleEndian(header[(0x4C + 4 * fatIndex)..]);
                if (fatSector >= LastRegularSector || !ReadSector(stream, fatSector, buffer)) return false;
                sector = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan((int)(sector % (uint)entriesPerFatSector) * 4));
            }
            return false;
        }
        catch (IOException)
        {
            return false;
        }
        finally
        {
            stream.Position = 0;
        }

        bool ReadSector(Stream s, uint number, byte[] into)
        {
            var offset = ((long)number + 1) * into.Length;
            if (offset + into.Length > s.Length) return false;
            s.Position = offset;
            return s.ReadAtLeast(into, into.Length, throwOnEndOfStream: false) == into.Length;
        }
    }
}
